package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.source.FileError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A summary for reviewers in GitHub-flavoured markdown, for a job summary ({@code
 * $GITHUB_STEP_SUMMARY}) or a pull/merge request comment: a verdict, the counts by severity, then
 * the findings most severe first (path order within a severity) with links to their lines.
 *
 * <p>Bounded: at most {@value #MAX_ROWS} findings, then "and N more findings"; and the whole text
 * stays within {@value #MAX_BYTES} UTF-8 bytes (under GitHub's 65,536-character comment limit,
 * with room for what a commenting action adds), dropping further rows when long messages or paths
 * need it. Suppressed findings (with --show-suppressed) are listed in a collapsed section, since a
 * new suppression is something to review; files that could not be read are listed last.
 *
 * <p>Messages quote values from the scanned files, so everything taken from a finding is escaped
 * for an inline context (see {@link #inline}): no value can add markup, HTML, a table cell, a
 * line or a mention.
 */
public final class MarkdownReporter implements Reporter {
  static final int MAX_ROWS = 50;
  static final int MAX_SUPPRESSED_ROWS = 20;
  static final int MAX_ERROR_ROWS = 10;
  /** Characters of one message or path shown; a policy quoted whole would swamp the table. */
  static final int MAX_TEXT = 400;
  static final int MAX_BYTES = 60_000;
  /** Shares of {@link #MAX_BYTES} the sections after the findings table may take at most. */
  private static final int SUPPRESSED_BYTES = 12_000;
  private static final int ERROR_BYTES = 6_000;

  private final UnaryOperator<String> projectPath;
  private final SourceLinks links;

  /**
   * {@code projectPath} maps a finding's file (as reported: relative to the working directory,
   * '/'-separated) to its path relative to the project root, which links and reviewers use.
   */
  public MarkdownReporter(UnaryOperator<String> projectPath, SourceLinks links) {
    this.projectPath = projectPath;
    this.links = links;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    List<Finding> active = report.activeBySeverity();
    List<Finding> suppressed = report.suppressed().stream()
        .sorted(Comparator.comparing(Finding::severity)).toList();
    String head = head(report, active, suppressed.size());
    String footer = "<sub>iamlint " + inline(report.toolVersion()) + "</sub>\n";
    String hidden = suppressed.isEmpty() ? "" : "<details><summary>" + count(suppressed.size(), "suppressed finding")
        + " (not counted)</summary>\n\n"
        + table("| Severity | Rule | Finding | Location | Suppressed |\n|---|---|---|---|---|\n", suppressed,
            f -> row(f) + " " + inline(f.suppression().map(s -> s.kind().label() + ": " + s.reason()).orElse("")) + " |\n",
            MAX_SUPPRESSED_ROWS, SUPPRESSED_BYTES, "suppressed finding")
        + "</details>\n\n";
    String errors = report.errors().isEmpty() ? "" : "**" + count(report.errors().size(), "file") + " could not be read:**\n\n"
        + table("| File | Error |\n|---|---|\n", report.errors(), MarkdownReporter::errorRow, MAX_ERROR_ROWS, ERROR_BYTES, "file");
    int left = MAX_BYTES - utf8Length(head) - utf8Length(hidden) - utf8Length(errors) - utf8Length(footer);
    String findings = active.isEmpty() ? "" : table("| Severity | Rule | Finding | Location |\n|---|---|---|---|\n", active,
        f -> row(f) + "\n", MAX_ROWS, left, "finding");
    out.append(head).append(findings).append(hidden).append(errors).append(footer);
  }

  /** The heading, the verdict and (when there are findings) the counts of every severity. */
  private static String head(Report report, List<Finding> active, int suppressed) {
    StringBuilder sb = new StringBuilder("## iamlint\n\n");
    String scanned = count(report.files(), "file") + " and " + count(report.resources(), "resource") + " scanned.";
    if (active.isEmpty()) {
      sb.append("**No findings**; ").append(scanned);
    } else {
      long files = active.stream().map(f -> f.location().file()).distinct().count();
      sb.append("**").append(count(active.size(), "finding")).append("** in ").append(count((int) files, "file"))
          .append("; ").append(scanned);
    }
    if (suppressed > 0) sb.append(' ').append(count(suppressed, "suppressed finding")).append(" not counted.");
    if (!report.errors().isEmpty()) sb.append(' ').append(count(report.errors().size(), "file")).append(" could not be read.");
    sb.append("\n\n");
    if (!active.isEmpty()) {
      Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
      for (Severity s : Severity.values()) counts.put(s, 0);
      for (Finding f : active) counts.merge(f.severity(), 1, Integer::sum);
      StringBuilder names = new StringBuilder("|");
      StringBuilder rule = new StringBuilder("|");
      StringBuilder values = new StringBuilder("|");
      counts.forEach((s, n) -> {
        names.append(' ').append(s.label()).append(" |");
        rule.append("---:|");
        values.append(' ').append(n).append(" |");
      });
      sb.append(names).append('\n').append(rule).append('\n').append(values).append("\n\n");
    }
    return sb.toString();
  }

  /**
   * The header and as many rows as {@code maxRows} and {@code budget} (UTF-8 bytes, for all of it)
   * allow, in order; then a line with the number left out.
   */
  private static <T> String table(String header, List<T> items, Function<T, String> row, int maxRows, int budget, String noun) {
    // Room for the closing line, whatever the number in it.
    int used = utf8Length(header) + 80;
    List<String> rows = new ArrayList<>();
    for (T item : items) {
      if (rows.size() == maxRows) break;
      String r = row.apply(item);
      used += utf8Length(r);
      if (used > budget) break;
      rows.add(r);
    }
    StringBuilder sb = new StringBuilder();
    if (!rows.isEmpty()) sb.append(header);
    rows.forEach(sb::append);
    int more = items.size() - rows.size();
    if (more > 0) {
      // A paragraph right below a table would be read as one more row: a blank line first.
      sb.append(rows.isEmpty() ? count(more, noun) + " not listed here" : "\nand " + count(more, "more " + noun))
          .append(" (see the full report).\n");
    }
    return sb.append('\n').toString();
  }

  /** Severity, rule, message and resource, location; without the closing newline. */
  private String row(Finding f) {
    String path = projectPath.apply(f.location().file());
    String where = "[" + inline(path + ":" + f.location().startLine()) + "]("
        + links.href(path, f.location().startLine(), f.location().endLine()) + ")";
    return "| " + marker(f.severity()) + " | " + rule(f.ruleId()) + " | " + inline(f.message() + " (" + f.resource().address() + ")")
        + " | " + where + " |";
  }

  private static String errorRow(FileError e) {
    return "| " + inline(e.file()) + " | " + inline(e.message()) + " |\n";
  }

  /** Plain text, bold for the severities that fail a build by default level "error". */
  private static String marker(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "**" + s.label() + "**";
      case MEDIUM, LOW, INFO -> s.label();
    };
  }

  /** The id, linked to its documentation when it is a plain rule id (as SARIF's helpUri). */
  private static String rule(String id) {
    return id.matches("[A-Z][A-Z0-9]*") ? "[" + id + "](" + SarifReporter.helpUri(id) + ")" : inline(id);
  }

  /**
   * {@code s} as literal text inside a table cell or link text. Line breaks and other control
   * characters become spaces (a line break would end the table and start any block); characters of
   * inline syntax are backslash-escaped (emphasis, code, strikethrough, links and images, cells);
   * {@code & < >} become entities (no HTML tag, comment or autolink); {@code $} is wrapped in a span
   * (GitHub renders text between two dollars as math, and documents the span as the escape); and a
   * zero-width space follows an {@code @} that starts a word (no mention) and a {@code #} before a digit
   * (no issue link).
   * Bidirectional controls, which could make the shown text differ from the real one, become U+FFFD.
   * Long text is cut at {@value #MAX_TEXT} characters.
   */
  static String inline(String s) {
    String text = s.codePointCount(0, s.length()) > MAX_TEXT ? s.substring(0, s.offsetByCodePoints(0, MAX_TEXT)) + "…" : s;
    StringBuilder sb = new StringBuilder(text.length() + 16);
    int previous = ' ';
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        sb.append(' ');
      } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
        sb.append('\uFFFD');
      } else if ("\\`*_~[]|".indexOf(c) >= 0) {
        sb.append('\\').append((char) c);
      } else if (c == '&') {
        sb.append("&amp;");
      } else if (c == '<') {
        sb.append("&lt;");
      } else if (c == '>') {
        sb.append("&gt;");
      } else if (c == '$') {
        sb.append("<span>$</span>");
      } else if ((c == '@' || c == '#') && !Character.isLetterOrDigit(previous) && i < text.length()
          && (c == '@' ? Character.isLetterOrDigit(text.codePointAt(i)) : Character.isDigit(text.codePointAt(i)))) {
        sb.appendCodePoint(c).append("&#8203;");
      } else {
        sb.appendCodePoint(c);
      }
      previous = c;
    }
    return sb.toString().strip();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static int utf8Length(CharSequence s) {
    int bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (Character.isSurrogate(c)) bytes += 2;
      else bytes += 3;
    }
    return bytes;
  }
}
