package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import java.io.IOException;

/**
 * One line per finding, {@code file:line:column: level: [RULE] message}: what IDE external
 * tools and problem matchers read. Nothing else is printed.
 */
public final class CompactReporter implements Reporter {

  @Override
  public void write(Report report, Appendable out) throws IOException {
    for (Finding f : report.findings()) {
      out.append(f.location().shortForm()).append(": ").append(level(f.severity())).append(": [")
          .append(f.ruleId()).append("] ").append(oneLine(f.message())).append(" (").append(f.resource().address())
          .append(")").append(f.suppression().map(s -> " [suppressed, " + s.kind().label() + ": " + oneLine(s.reason()) + "]")
              .orElse("")).append('\n');
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  static String oneLine(String s) {
    return s.replace('\n', ' ').replace('\r', ' ');
  }
}
