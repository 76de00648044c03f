package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input → the first error's position and words; every error is located and readable. */
class SyntaxErrorTableTest {

  @Test
  void deepNestingIsALocatedLimitNotAStackOverflow() {
    String source = "a = " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    HclParseResult.Failed f = assertInstanceOf(HclParseResult.Failed.class, HclParser.parse("t.tf", source));
    assertTrue(f.message().contains("nested deeper than 256"), f.message());
    assertEquals(1, f.location().startLine());
    assertEquals(5 + 256, f.location().startColumn());
  }

  /** HashiCorp's parser takes any depth; iamlint stops at a limit no configuration reaches, where it is crossed. */
  @Test
  void aLongOperatorChainIsALocatedLimitNotAStackOverflow() {
    String source = "a = 1\nb = " + String.join(" + ", Collections.nCopies(100_000, "1")) + "\n";
    HclParseResult.Failed f = assertInstanceOf(HclParseResult.Failed.class, HclParser.parse("t.tf", source));
    assertTrue(f.message().startsWith("expression nested too deeply"), f.message());
    assertEquals(2, f.location().startLine());
    assertEquals(5, f.location().startColumn());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"!|true", "-|1", "true ? 1 : |2", "(|1"})
  void deepNestingOfEveryKindIsALocatedLimit(String prefix, String operand) {
    String source = "a = " + prefix.repeat(100_000) + operand + "\n";
    HclParseResult.Failed f = assertInstanceOf(HclParseResult.Failed.class, HclParser.parse("t.tf", source));
    assertTrue(f.message().contains("nested"), f.message());
    assertFalse(f.message().contains("Error") || f.message().contains("Exception"), f.message());
    assertEquals(1, f.location().startLine());
    assertTrue(f.location().startColumn() > 256, f.location().toString());
  }

  /** An operator chain as long as a generated configuration may hold is still parsed. */
  @Test
  void chainsWithinTheLimitParse() {
    String source = "a = " + String.join(" || ", Collections.nCopies(900, "x")) + "\n"
        + "b = " + "!".repeat(900) + "true\n";
    assertInstanceOf(HclParseResult.Parsed.class, HclParser.parse("t.tf", source));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "unclosed block      | `resource \"a\" \"b\" {\n  x = 1\n`    | 1 | 18 | '{' is never closed",
      "unclosed paren      | `x = f(1,\n`                          | 1 | 6  | '(' is never closed",
      "comma attributes    | `a = 1, b = 2\n`                      | 1 | 6  | unexpected ','",
      "HCL1 quoted block   | `a {\n  \"b\" {\n  }\n}\n`               | 2 | 3  | expected a name or '}' or a newline",
      "multi-line string   | `a = \"x\ny\"\n`                      | 1 | 7  | cannot span lines",
      "bad escape          | `a = \"\\q\"\n`                       | 1 | 6  | invalid escape",
      "quoted name         | `\"a\" = 1\n`                         | 1 | 1  | unexpected",
      "label template      | `a \"${x}\" {\n}\n`                   | 1 | 3  | literal strings",
      "one-line two attrs  | `a { b = 1, c = 2 }\n`                | 1 | 10 | unexpected ','",
      "one-line block      | `a { d {} }\n`                        | 1 | 7  | unexpected",
      "block then newline  | `a {\n}b = 1\n`                       | 2 | 2  | unexpected",
      "header brace        | `a\n{\n}\n`                           | 1 | 2  | unexpected newline",
      "for as object key   | `x = {for = 1}\n`                     | 1 | 6  | unexpected 'for'",
      "newline in object item | `x = {a =\n1}\n`                   | 1 | 9  | unexpected newline",
      "tuple newline sep   | `x = [1\n2]\n`                        | 2 | 1  | unexpected",
      "legacy double index | `x = a.0.1\n`                         | 1 | 6  | legacy index",
      "nested splat        | `x = a.*.*\n`                         | 1 | 8  | nested splat",
      "splat after steps   | `x = a.*.b.*\n`                       | 1 | 10 | nested splat",
      "in a full splat     | `x = a[*].*.*\n`                      | 1 | 11 | nested splat",
      "duplicate attribute | `a = 1\na = 2\n`                      | 2 | 1  | defined twice",
      "unmatched endif     | `x = \"%{endif}\"\n`                  | 1 | 6  | unexpected endif",
      "unclosed if         | `x = \"%{if a}b\"\n`                  | 1 | 6  | unclosed if",
      "stray brace         | `}\n`                                 | 1 | 1  | unexpected",
      "bad character       | `a = 1 & 2\n`                         | 1 | 7  | unexpected character '&'",
      "heredoc no newline  | `x = <<EOT\nhi\nEOT`                  | 1 | 5  | '<<EOT' is never closed",
      "block comment line  | `a = 1 /*\n*/ b = 2\n`                | 2 | 4  | unexpected",
      "exponent overflow   | `a = 1e2147483648\n`                  | 1 | 5  | invalid number literal 1e2147483648",
      "lone surrogate      | `a = \"\\uD800\"\n`                   | 1 | 6  | invalid escape sequence \\uD800",
      "surrogate pair      | `a = \"\\uD83D\\uDE00\"\n`             | 1 | 6  | invalid escape sequence \\uD83D",
      "beyond unicode      | `a = \"\\U00110000\"\n`               | 1 | 6  | invalid escape sequence \\U00110000",
      "beyond 32 bits      | `a = \"\\UFFFFFFFF\"\n`               | 1 | 6  | invalid escape sequence \\UFFFFFFFF",
      "surrogate in interp | `a = \"${\"\\uDFFF\"}\"\n`            | 1 | 9  | invalid escape sequence \\uDFFF",
      "bare CR             | `a = 1\\r`                             | 1 | 6  | a carriage return",
      "bare CR in a string | `a = \"x\\r`                           | 1 | 7  | cannot span lines",
      "bare CR in heredoc  | `a = <<EOT\nab\\rcd\nEOT\n`             | 2 | 3  | a carriage return",
  })
  void errors(String name, String source, int line, int column, String words) {
    HclParseResult r = HclParser.parse("t.tf", source.replace("\\n", "\n").replace("\\r", "\r"));
    HclParseResult.Failed f = assertInstanceOf(HclParseResult.Failed.class, r);
    assertTrue(f.message().contains(words), f.message());
    assertEquals(line, f.location().startLine(), f.message());
    assertEquals(column, f.location().startColumn(), f.message());
  }
}
