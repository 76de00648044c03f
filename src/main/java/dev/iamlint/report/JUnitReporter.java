package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JUnit XML for GitLab and Jenkins test reports: one testsuite per file with findings, one
 * failing testcase per finding (rule and resource in its name, location and message in the
 * failure). A clean scan is one passing testcase.
 */
public final class JUnitReporter implements Reporter {

  @Override
  public void write(Report report, Appendable out) throws IOException {
    Map<String, List<Finding>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) byFile.computeIfAbsent(f.location().file(), k -> new ArrayList<>()).add(f);
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"iamlint\" tests=\"").append(String.valueOf(Math.max(1, report.findings().size())))
        .append("\" failures=\"").append(String.valueOf(report.findings().size())).append("\">\n");
    if (byFile.isEmpty()) {
      out.append("  <testsuite name=\"iamlint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n");
      out.append("    <testcase classname=\"iamlint\" name=\"no findings in ").append(String.valueOf(report.files()))
          .append(" files\"/>\n  </testsuite>\n");
    }
    for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
      String file = Xml.escape(e.getKey());
      out.append("  <testsuite name=\"").append(file).append("\" tests=\"").append(String.valueOf(e.getValue().size()))
          .append("\" failures=\"").append(String.valueOf(e.getValue().size())).append("\" errors=\"0\" skipped=\"0\">\n");
      for (Finding f : e.getValue()) {
        String name = f.ruleId() + " " + f.resource().address();
        out.append("    <testcase classname=\"").append(file).append("\" name=\"").append(Xml.escape(name))
            .append("\" file=\"").append(file).append("\" line=\"").append(String.valueOf(f.location().startLine())).append("\">\n");
        out.append("      <failure type=\"").append(f.ruleId()).append("\" message=\"").append(Xml.escape(f.message()))
            .append("\">").append(Xml.escape(f.location().shortForm() + ": " + f.severity().label() + ": [" + f.ruleId() + "] "
                + f.message() + " (" + f.resource().address() + ")")).append("</failure>\n");
        out.append("    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
  }

  static String title(List<RuleMetadata> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst().map(RuleMetadata::title).orElse(id);
  }
}
