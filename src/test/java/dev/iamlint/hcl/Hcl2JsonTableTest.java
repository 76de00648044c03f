package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code debug hcl2json} as a table: HCL source, and the JSON HashiCorp's converter prints for it
 * (each row checked against {@code ../shared/tools/hcl-oracle}).
 */
class Hcl2JsonTableTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // Literal "${" and "%{" are written escaped: HCL's JSON syntax reads strings as templates.
      "dollar escape       | a = \"$${x}\"                    | {\"a\":\"$${x}\"}",
      "percent escape      | a = \"%%{y}\"                    | {\"a\":\"%%{y}\"}",
      "beside interpolation| a = \"${var.a}$${b}%%{ if }\"    | {\"a\":\"${var.a}$${b}%%{ if }\"}",
      "runs of markers     | a = \"$$ {x} $$$${y} %%%{z}\"    | {\"a\":\"$$ {x} $$$${y} %%%{z}\"}",
      "unterminated        | a = \"pre$${\"                   | {\"a\":\"pre$${\"}",
      "lone markers        | a = \"$x {y} $\"                 | {\"a\":\"$x {y} $\"}",
      "object key          | a = { \"$${k}\" = 1 }            | {\"a\":{\"$${k}\":1}}",
      "list item           | a = [\"$${l}\"]                  | {\"a\":[\"$${l}\"]}",
      "nested template     | a = \"x${\"$${y}\"}z\"           | {\"a\":\"x$${y}z\"}",
      "source of condition | a = v ? \"$${t}\" : \"f\"         | {\"a\":\"${v ? \\\"$${t}\\\" : \\\"f\\\"}\"}",
      "heredoc             | `a = <<EOT\n$${home} %%{ z }\nEOT\n` | {\"a\":\"$${home} %%{ z }\\n\"}",
      "flush heredoc       | `a = <<-EOT\n    $${f}\n  EOT\n` | {\"a\":\"$${f}\\n\"}",
  })
  void convertsAsHashicorpsConverter(String name, String source, String expected) throws Exception {
    String src = source.trim().replace("\\n", "\n") + "\n";
    HclParseResult r = HclParser.parse("t.tf", src);
    Map<String, Object> json = Hcl2Json.convert(((HclParseResult.Parsed) r).file());
    assertEquals(expected.trim(), Hcl2Json.toJson(json), name);
  }
}
