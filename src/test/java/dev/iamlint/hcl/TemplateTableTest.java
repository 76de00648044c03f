package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Templates: escapes, interpolation, directives, strip markers, heredocs and the flush indent. */
class TemplateTableTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "plain              | \"hello\"                          | \"hello\"",
      "escapes            | \"a\\nb\\t\\\"c\\\\\"              | \"a\\nb\t\"c\\\"",
      "unicode escape     | \"\\u00e9\\U0001F600\"             | \"é😀\"",
      "combining mark NFC | \"e\u0301 cafe\u0301\"              | \"é café\"",
      "ascii, no NFC work | \"plain ascii\"                    | \"plain ascii\"",
      "dollar escape      | \"$${x} %%{y}\"                    | \"${x} %{y}\"",
      "lone markers       | \"$ % $$nonescape %\"              | \"$ % $$nonescape %\"",
      "interpolation      | \"a-${var.x}-b\"                   | \"a-${var.x}-b\"",
      "nested quotes      | \"p-${ foo(\"v-${a.b}\") }\"        | \"p-${foo(\"v-${a.b}\")}\"",
      "brace in interp    | \"${ {a = \"b\"}[\"a\"] }\"         | \"${{key:a = \"b\"}[\"a\"]}\"",
      "strip markers      | \"a  ${~ x ~}  b\"                 | \"a${x}b\"",
      "strip keeps values | \"${\"hello\" ~}${\" world\"}\"      | \"${\"hello\"}${\" world\"}\"",
      "if directive       | \"%{ if c }yes%{ else }no%{ endif }\" | \"%{if c}yes%{else}no%{endif}\"",
      "for directive      | \"%{ for k, v in m }${k}=${v},%{ endfor }\" | \"%{for k, v in m}${k}=${v},%{endfor}\"",
      "nested directives  | \"%{for x in l}%{if x}1%{endif}%{endfor}\" | \"%{for x in l}%{if x}1%{endif}%{endfor}\"",
      "heredoc            | `<<EOT\n  a ${b}\n  EOT\n`         | \"  a ${b}\\n\"",
      "flush heredoc      | `<<-EOT\n    a\n      b\n    EOT\n` | \"a\\n  b\\n\"",
      "flush interp line  | `<<-EOT\n  a\n${b}\n  EOT\n`       | \"  a\\n${b}\\n\"",
      "marker suffix      | `<<EOT\nNOT EOT\nEOT\n`             | \"NOT EOT\\n\"",
      "crlf heredoc       | `<<EOT\r\nx\r\nEOT\r\n`             | \"x\r\\n\"",
      "heredoc in interp  | `<<A\n${<<B\nin\nB\n}\nA\n`         | \"${\"in\\n\"}\\n\"",
  })
  void templates(String name, String source, String expected) {
    String src = source.trim().replace("\\r", "\r");
    if (src.startsWith("<<")) src = src.replace("\\n", "\n");
    assertEquals(expected.trim().replace("\r", "\r"), Printer.print(Printer.parseExpression(src.stripTrailing()
        + (src.startsWith("<<") ? "" : ""))));
  }
}
