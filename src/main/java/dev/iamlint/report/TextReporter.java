package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeSet;

/** For people in a terminal: findings grouped by file, a summary, colour only when asked. */
public final class TextReporter implements Reporter {
  private static final String RESET = "\u001b[0m";
  private static final String BOLD = "\u001b[1m";
  private static final String DIM = "\u001b[2m";

  private final boolean color;

  public TextReporter(boolean color) {
    this.color = color;
  }

  @Override
  public void write(Report report, Appendable out) throws IOException {
    String currentFile = null;
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    TreeSet<String> filesWithFindings = new TreeSet<>();
    for (Finding f : report.findings()) {
      String file = f.location().file();
      if (!file.equals(currentFile)) {
        if (currentFile != null) out.append('\n');
        out.append(style(BOLD, file)).append('\n');
        currentFile = file;
      }
      if (!f.isSuppressed()) {
        filesWithFindings.add(file);
        counts.merge(f.severity(), 1, Integer::sum);
      }
      String position = f.location().startLine() + ":" + f.location().startColumn();
      out.append("  ").append(pad(position, 8)).append(style(colorOf(f.severity()), pad(f.severity().label(), 9)))
          .append(pad(f.ruleId(), 9)).append(CompactReporter.oneLine(f.message())).append('\n');
      out.append("  ").append(pad("", 8 + 9 + 9)).append(style(DIM, "in " + f.resource().address()
          + " (" + f.resource().type() + ")" + f.resource().construct().map(c -> ", construct " + printable(c)).orElse(""))).append('\n');
      if (f.suppression().isPresent()) {
        out.append("  ").append(pad("", 8 + 9 + 9)).append(style(DIM, "suppressed (" + f.suppression().get().kind().label()
            + "): " + CompactReporter.oneLine(f.suppression().get().reason()))).append('\n');
      }
    }
    if (!report.findings().isEmpty()) out.append('\n');
    for (var e : report.errors()) {
      out.append(style(colorOf(Severity.HIGH), "error")).append(": ").append(e.file()).append(": ").append(e.message()).append('\n');
    }
    String hidden = report.suppressed().isEmpty() ? "" : " " + plural(report.suppressed().size(), "suppressed finding") + " shown.";
    out.append(summary(report, counts, filesWithFindings.size())).append(hidden).append('\n');
  }

  private String summary(Report report, Map<Severity, Integer> counts, int filesWithFindings) {
    int n = report.active().size();
    if (n == 0) {
      return "No findings in " + plural(report.files(), "file") + " (" + plural(report.resources(), "resource") + ").";
    }
    StringBuilder sb = new StringBuilder();
    sb.append(plural(n, "finding")).append(" (");
    boolean first = true;
    for (Map.Entry<Severity, Integer> e : counts.entrySet()) {
      if (!first) sb.append(", ");
      sb.append(e.getValue()).append(' ').append(e.getKey().label());
      first = false;
    }
    sb.append(") in ").append(plural(filesWithFindings, "file")).append("; ")
        .append(plural(report.files(), "file")).append(" and ").append(plural(report.resources(), "resource"))
        .append(" scanned.");
    return sb.toString();
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private String style(String code, String text) {
    return color ? code + text + RESET : text;
  }

  private static String colorOf(Severity s) {
    return switch (s) {
      case CRITICAL -> "\u001b[1;35m";
      case HIGH -> "\u001b[1;31m";
      case MEDIUM -> "\u001b[33m";
      case LOW -> "\u001b[36m";
      case INFO -> "\u001b[2m";
    };
  }

  /**
   * Text from a template for the terminal: control characters (line breaks, escape sequences) are
   * spaces, and bidirectional controls, which could make the shown text differ from the real one, U+FFFD.
   */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(c -> {
      if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
        sb.append(' ');
      } else if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C) {
        sb.append('\uFFFD');
      } else {
        sb.appendCodePoint(c);
      }
    });
    return sb.toString();
  }
}
