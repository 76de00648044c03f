package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where an expression or a part of a template ends: the line and column after its last
 * character, counted in code points, when its last token ends a line (a heredoc's lines), holds
 * characters outside the BMP, or follows them on its line.
 */
class SourceRangeTableTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "quoted                | `\"abc\"`                         | 1 | 5  | 1 | 10",
      "number                | `12345`                           | 1 | 5  | 1 | 10",
      "heredoc               | `<<EOT\\nline one\\nEOT\\n`        | 1 | 5  | 3 | 4",
      "heredoc template      | `<<EOT\\na ${b}\\nc\\nEOT\\n`      | 1 | 5  | 4 | 4",
      "astral in quoted      | `\"😀😀\"`                          | 1 | 5  | 1 | 9",
      "astral before token   | `[\"😀\", 7]`                      | 1 | 5  | 1 | 13",
      "list over lines       | `[\\n  1,\\n  2\\n]`                | 1 | 5  | 4 | 2",
      "object over lines     | `{\\n  a = \"😀\"\\n}`               | 1 | 5  | 3 | 2",
  })
  void expressionRanges(String name, String source, int startLine, int startColumn, int endLine, int endColumn) {
    SourceRange r = Printer.parseExpression(source.replace("\\n", "\n")).range();
    assertEquals(startLine + ":" + startColumn + "-" + endLine + ":" + endColumn,
        r.startLine() + ":" + r.startColumn() + "-" + r.endLine() + ":" + r.endColumn(), name);
  }

  /** A heredoc's text runs to the start of the line after its last newline. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "two lines           | `<<EOT\none\ntwo\nEOT\n`      | 2:1-4:1",
      "astral line         | `<<EOT\n😀😀\nEOT\n`            | 2:1-3:1",
      "text then interp    | `<<EOT\nab ${c}\nEOT\n`         | 2:1-2:4",
  })
  void heredocTextRanges(String name, String source, String expected) {
    Expression.Template t = (Expression.Template) Printer.parseExpression(source.replace("\\n", "\n"));
    SourceRange r = ((TemplatePart.Text) t.parts().get(0)).range();
    assertEquals(expected, r.startLine() + ":" + r.startColumn() + "-" + r.endLine() + ":" + r.endColumn(), name);
  }
}
