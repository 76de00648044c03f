package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Checkstyle XML: one file element per file with findings, one error element per finding. */
public final class CheckstyleReporter implements Reporter {

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : report.active()) byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"8.0\">\n");
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      out.append("  <file name=\"").append(Xml.escape(e.getKey())).append("\">\n");
      for (Finding f : e.getValue()) {
        out.append("    <error line=\"").append(String.valueOf(f.location().startLine())).append("\" column=\"")
            .append(String.valueOf(f.location().startColumn())).append("\" severity=\"").append(severity(f.severity()))
            .append("\" message=\"").append(Xml.escape(f.message() + " (" + f.resource().address() + ")"))
            .append("\" source=\"iamlint.").append(f.ruleId()).append("\"/>\n");
      }
      out.append("  </file>\n");
    }
    out.append("</checkstyle>\n");
  }

  private static String severity(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "info";
    };
  }
}
