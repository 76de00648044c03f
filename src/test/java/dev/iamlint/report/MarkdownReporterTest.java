package dev.iamlint.report;

import static dev.iamlint.report.Findings.finding;
import static dev.iamlint.report.Findings.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.FileError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableBody;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The markdown summary read back with a CommonMark + GFM tables parser, as GitHub and GitLab read
 * it: what a scanned file can put into a message stays text in its cell, and the whole stays under
 * GitHub's comment limit.
 */
class MarkdownReporterTest {
  static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

  static String write(Report report, UnaryOperator<String> projectPath, SourceLinks links) throws IOException {
    StringBuilder out = new StringBuilder();
    new MarkdownReporter(projectPath, links).write(report, out);
    return out.toString();
  }

  static String write(List<Finding> findings) throws IOException {
    return write(report(findings), UnaryOperator.identity(), new SourceLinks.Relative());
  }

  static List<TableBlock> tables(String markdown) {
    List<TableBlock> tables = new ArrayList<>();
    for (Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof TableBlock t) tables.add(t);
    }
    return tables;
  }

  static List<List<TableCell>> bodyRows(TableBlock table) {
    List<List<TableCell>> rows = new ArrayList<>();
    for (Node b = table.getFirstChild(); b != null; b = b.getNext()) {
      if (!(b instanceof TableBody)) continue;
      for (Node r = b.getFirstChild(); r != null; r = r.getNext()) {
        List<TableCell> cells = new ArrayList<>();
        for (Node c = r.getFirstChild(); c != null; c = c.getNext()) cells.add((TableCell) c);
        rows.add(cells);
      }
    }
    return rows;
  }

  /**
   * The text a cell shows, failing on any node but text and the spans that wrap a dollar: no
   * emphasis, code, link, image or HTML came from the message.
   */
  static String literalText(TableCell cell) {
    StringBuilder sb = new StringBuilder();
    for (Node n = cell.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (n instanceof HtmlInline h && (h.getLiteral().equals("<span>") || h.getLiteral().equals("</span>"))) {
        continue;
      } else {
        throw new AssertionError("markup in a cell: " + n + " in " + cell);
      }
    }
    return sb.toString().replace("\u200B", "");
  }

  static Stream<Arguments> hostileMessages() {
    return Stream.of(
        Arguments.of("a cell of its own", "| injected | cell |"),
        Arguments.of("a script tag", "<script>alert(1)</script>"),
        Arguments.of("an image tag", "<img src=x onerror=alert(1)>"),
        Arguments.of("an HTML comment hiding the rest", "<!-- hide the rest"),
        Arguments.of("a details element", "<details open><summary>x</summary>"),
        Arguments.of("a markdown image (a tracking pixel)", "![pixel](https://evil.example/p.png)"),
        Arguments.of("a link", "[click](javascript:alert(1)) [ref]"),
        Arguments.of("an autolink", "<https://evil.example>"),
        Arguments.of("emphasis", "**bold** __bold__ *em* _em_ ***both***"),
        Arguments.of("code spans", "`code` ``double`` ```"),
        Arguments.of("strikethrough", "~~strike~~ ~one~"),
        Arguments.of("line breaks start new blocks", "line1\n## Heading\n| a | b |\n|---|---|\n- item"),
        Arguments.of("every kind of line break", "cr\rcrlf\r\nls\u2028ps\u2029nel\u0085ff\fvt\u000Bnul\u0000end"),
        Arguments.of("backslashes", "back\\slash \\| escaped pipe \\* star \\"),
        Arguments.of("entities stay literal", "&lt;b&gt; &amp; &#60;script&#62; &copy;"),
        Arguments.of("a span in the message", "<span>$</span>"),
        Arguments.of("dollars", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root $x$ $$\\Huge{big}$$"),
        Arguments.of("a hard line break", "two spaces  \\\nthen"),
        Arguments.of("a bidi override", "user \u202Egnp.exe\u202C done"),
        Arguments.of("non-ASCII", "Ünïcödé 名前 \uD83D\uDD12"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostileMessages")
  void aMessageIsLiteralTextInItsCell(String name, String message) throws IOException {
    String md = write(List.of(finding("ADM001", Severity.HIGH, "a.yaml", 3, message)));
    List<TableBlock> tables = tables(md);
    assertEquals(2, tables.size(), "the counts and the findings, nothing more:\n" + md);
    List<List<TableCell>> rows = bodyRows(tables.get(1));
    assertEquals(1, rows.size(), md);
    assertEquals(4, rows.get(0).size(), md);
    String shown = (message + " (Resources.Thing)").replaceAll("[\\r\\n\\u2028\\u2029\\u0085\\u0000-\\u001f]", " ")
        .replace('\u202E', '\uFFFD').replace('\u202C', '\uFFFD').strip();
    assertEquals(shown, literalText(rows.get(0).get(2)));
    String row = md.lines().filter(l -> l.startsWith("| **high**")).findFirst().orElseThrow();
    assertFalse(row.replace("<span>$</span>", "").matches(".*[<>$].*"), "no tag and no bare dollar: " + row);
  }

  /** GitHub turns @name into a mention (a notification) and #12 into an issue link; commonmark does not, so plainly. */
  @Test
  void mentionsAndIssueReferencesAreBroken() {
    assertEquals("ping @&#8203;octocat and @&#8203;org/team, see #&#8203;12; mail user@example.com #x-y",
        MarkdownReporter.inline("ping @octocat and @org/team, see #12; mail user@example.com #x-y"));
  }

  @Test
  void longTextIsCut() {
    String cut = MarkdownReporter.inline("x".repeat(1000));
    assertEquals("x".repeat(MarkdownReporter.MAX_TEXT) + "…", cut);
  }

  @Test
  void findingsAreOrderedBySeverityThenInTheReportsOrder() throws IOException {
    String md = write(List.of(
        finding("R1", Severity.INFO, "a.yaml", 1, "a1"),
        finding("R2", Severity.HIGH, "a.yaml", 2, "a2"),
        finding("R3", Severity.CRITICAL, "b.yaml", 1, "b1"),
        finding("R4", Severity.HIGH, "b.yaml", 2, "b2"),
        finding("R5", Severity.MEDIUM, "c.yaml", 9, "c9")));
    List<String> order = bodyRows(tables(md).get(1)).stream().map(r -> literalText(r.get(2)).substring(0, 2)).toList();
    assertEquals(List.of("b1", "a2", "b2", "c9", "a1"), order);
    List<String> counts = bodyRows(tables(md).get(0)).get(0).stream().map(MarkdownReporterTest::literalText).toList();
    assertEquals(List.of("1", "2", "1", "0", "1"), counts, "every severity, in order, zeros too");
    assertTrue(md.contains("**5 findings** in 3 files; 3 files and 7 resources scanned.\n"), md);
  }

  @Test
  void noFindingsIsOneLine() throws IOException {
    assertEquals("## iamlint\n\n**No findings**; 3 files and 7 resources scanned.\n\n<sub>iamlint 0.1.0</sub>\n",
        write(List.of()));
  }

  @Test
  void atMostFiftyRowsThenHowManyMore() throws IOException {
    List<Finding> many = IntStream.range(0, 120).mapToObj(i -> finding("R1", Severity.LOW, "a.yaml", i + 1, "m" + i)).toList();
    String md = write(many);
    assertEquals(MarkdownReporter.MAX_ROWS, bodyRows(tables(md).get(1)).size());
    assertTrue(md.contains("\n\nand 70 more findings (see the full report).\n"), md);
  }

  /** 65,536 characters is GitHub's limit for a comment body: the worst findings stay under it. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("worstCases")
  void tenThousandFindingsStayUnderGithubsCommentLimit(String name, String message, String path) throws IOException {
    List<Finding> all = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) all.add(finding("R" + i, Severity.values()[i % 5], path, i + 1, message + i));
    for (int i = 0; i < 10_000; i++) all.add(Findings.suppressed(finding("S" + i, Severity.HIGH, path, i + 1, message), message));
    List<FileError> errors = IntStream.range(0, 10_000).mapToObj(i -> new FileError(path + i, message)).toList();
    Report report = new Report("0.1.0", all, 10_000, 10_000, errors, List.of());
    String md = write(report, p -> "deeply/nested/" + p, new SourceLinks.GitHub("https://github.com", "o/r", "a".repeat(40)));
    assertTrue(md.length() < 65_536, "characters: " + md.length());
    assertTrue(md.getBytes(StandardCharsets.UTF_8).length <= MarkdownReporter.MAX_BYTES, "bytes");
    List<TableBlock> tables = tables(md);
    int shown = bodyRows(tables.get(1)).size();
    assertTrue(shown >= 1 && shown <= MarkdownReporter.MAX_ROWS, "rows: " + shown);
    assertTrue(md.contains("and " + (10_000 - shown) + " more findings (see the full report)."), md);
    assertTrue(md.contains("<details><summary>10000 suppressed findings (not counted)</summary>"));
    assertTrue(md.matches("(?s).*(and \\d+ more files|10000 files not listed here) \\(see the full report\\)\\..*"), md);
    assertTrue(md.endsWith("<sub>iamlint 0.1.0</sub>\n"));
  }

  static Stream<Arguments> worstCases() {
    return Stream.of(
        Arguments.of("short messages", "m", "a.yaml"),
        Arguments.of("long messages", "policy ".repeat(2_000), "a.yaml"),
        Arguments.of("messages that escape to the longest", "$".repeat(100_000), "a.yaml"),
        Arguments.of("long paths that encode to the longest", "$".repeat(400), "(".repeat(4_000) + ".yaml"),
        Arguments.of("four-byte characters", "\uD83D\uDD12".repeat(5_000), "\uD83D\uDD12".repeat(1_000)));
  }

  @Test
  void linksAreRelativeToTheProjectRoot() throws IOException {
    Finding f = finding("ADM001", Severity.CRITICAL, "iam/a b(1).yaml", 12, "m");
    String md = write(report(List.of(f)), p -> "infra/" + p, new SourceLinks.Relative());
    assertTrue(md.contains("| [infra/iam/a b(1).yaml:12](infra/iam/a%20b%281%29.yaml#L12) |"), md);
    assertTrue(md.contains("| **critical** | [ADM001](https://github.com/iamlint/iamlint/blob/main/rules/ADM001.yaml) |"), md);
  }

  /** A file name is user-controlled too: one link, its text the path, its target the encoded path. */
  @Test
  void aHostilePathIsOneLink() throws IOException {
    String path = "x](javascript:alert(1)) <b>|*_`$@team #1.yaml";
    String md = write(List.of(finding("R1", Severity.HIGH, path, 4, "m")));
    TableCell cell = bodyRows(tables(md).get(1)).get(0).get(3);
    assertTrue(cell.getFirstChild() instanceof Link && cell.getFirstChild().getNext() == null, md);
    Link link = (Link) cell.getFirstChild();
    assertEquals("x%5D%28javascript%3Aalert%281%29%29%20%3Cb%3E%7C%2A_%60%24%40team%20%231.yaml#L4", link.getDestination());
    StringBuilder text = new StringBuilder();
    for (Node n = link.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) text.append(t.getLiteral());
      else assertTrue(n instanceof HtmlInline h && h.getLiteral().matches("</?span>"), "markup in the link text: " + n);
    }
    assertEquals(path + ":4", text.toString().replace("\u200B", ""));
  }

  @Test
  void suppressedFindingsAreCollapsedWithTheirReason() throws IOException {
    String md = write(List.of(finding("R1", Severity.HIGH, "a.yaml", 1, "counted"),
        Findings.suppressed(finding("R2", Severity.LOW, "a.yaml", 2, "hidden"), "reviewed | by *me*")));
    assertTrue(md.contains("**1 finding** in 1 file; 3 files and 7 resources scanned. 1 suppressed finding not counted."), md);
    assertTrue(md.contains("<details><summary>1 suppressed finding (not counted)</summary>\n\n| Severity |"), md);
    List<List<TableCell>> rows = bodyRows(tables(md).get(2));
    assertEquals("inline: reviewed | by *me*", literalText(rows.get(0).get(4)));
    assertEquals(List.of("0", "1", "0", "0", "0"),
        bodyRows(tables(md).get(0)).get(0).stream().map(MarkdownReporterTest::literalText).toList(), "suppressed ones not counted");
  }

  @Test
  void fileErrorsAreListed() throws IOException {
    Report r = new Report("0.1.0", List.of(), 1, 0, List.of(new FileError("x|y.yaml", "not UTF-8")), List.of());
    String md = write(r, UnaryOperator.identity(), new SourceLinks.Relative());
    assertTrue(md.startsWith("## iamlint\n\n**No findings**; 1 file and 0 resources scanned. 1 file could not be read.\n\n"
        + "**1 file could not be read:**\n\n| File | Error |\n|---|---|\n| x\\|y.yaml | not UTF-8 |\n"), md);
  }

  static Stream<Arguments> environments() {
    String sha = "0123456789abcdef0123456789abcdef01234567";
    return Stream.of(
        Arguments.of(Map.of(), "a/b.yaml#L12"),
        Arguments.of(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r", "GITHUB_SHA", sha),
            "https://github.com/o/r/blob/" + sha + "/a/b.yaml#L12-L14"),
        Arguments.of(Map.of("GITHUB_SERVER_URL", "https://ghe.example.com/", "GITHUB_REPOSITORY", "o/r", "GITHUB_SHA", sha),
            "https://ghe.example.com/o/r/blob/" + sha + "/a/b.yaml#L12-L14"),
        Arguments.of(Map.of("CI_PROJECT_URL", "https://gitlab.example.com/group/sub/project", "CI_COMMIT_SHA", sha),
            "https://gitlab.example.com/group/sub/project/-/blob/" + sha + "/a/b.yaml#L12-14"),
        Arguments.of(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
            "CI_PROJECT_URL", "https://gitlab.com/g/p", "CI_COMMIT_SHA", sha), "https://gitlab.com/g/p/-/blob/" + sha + "/a/b.yaml#L12-14"),
        Arguments.of(Map.of("GITHUB_SERVER_URL", "https://github.com) [x](https://evil", "GITHUB_REPOSITORY", "o/r",
            "GITHUB_SHA", sha), "a/b.yaml#L12"),
        Arguments.of(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r", "GITHUB_SHA", "main)"),
            "a/b.yaml#L12"),
        Arguments.of(Map.of("CI_PROJECT_URL", "javascript:alert(1)", "CI_COMMIT_SHA", sha), "a/b.yaml#L12"));
  }

  @ParameterizedTest
  @MethodSource("environments")
  void linksPointWhereTheCiEnvironmentSays(Map<String, String> env, String href) {
    assertEquals(href, SourceLinks.fromEnvironment(env).href("a/b.yaml", 12, 14));
  }

  @Test
  void aOneLineLocationLinksOneLine() {
    var github = SourceLinks.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_REPOSITORY", "o/r",
        "GITHUB_SHA", "abcdef1"));
    assertInstanceOf(SourceLinks.GitHub.class, github);
    assertEquals("https://github.com/o/r/blob/abcdef1/a.yaml#L3", github.href("a.yaml", 3, 3));
  }
}
