package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
    // One testcase per rule and resource, in the file the findings are in.
    Map<String, Map<String, List<Finding>>> byFile = new TreeMap<>();
    for (Finding f : report.findings()) {
      byFile.computeIfAbsent(f.location().file(), k -> new LinkedHashMap<>())
          .computeIfAbsent(f.ruleId() + " " + f.resource().address(), k -> new ArrayList<>()).add(f);
    }
    int cases = byFile.values().stream().mapToInt(Map::size).sum();
    int failures = count(byFile, false);
    int skipped = cases - failures;
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.append("<testsuites name=\"iamlint\" tests=\"").append(String.valueOf(Math.max(1, cases)))
        .append("\" failures=\"").append(String.valueOf(failures)).append("\" errors=\"0\" skipped=\"")
        .append(String.valueOf(skipped)).append("\">\n");
    if (byFile.isEmpty()) {
      out.append("  <testsuite name=\"iamlint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n");
      out.append("    <testcase classname=\"iamlint\" name=\"no findings in ").append(String.valueOf(report.files()))
          .append(" files\"/>\n  </testsuite>\n");
    }
    for (Map.Entry<String, Map<String, List<Finding>>> e : byFile.entrySet()) {
      String file = Xml.escape(e.getKey());
      int fileFailures = count(Map.of(e.getKey(), e.getValue()), false);
      out.append("  <testsuite name=\"").append(file).append("\" tests=\"").append(String.valueOf(e.getValue().size()))
          .append("\" failures=\"").append(String.valueOf(fileFailures)).append("\" errors=\"0\" skipped=\"")
          .append(String.valueOf(e.getValue().size() - fileFailures)).append("\">\n");
      for (Map.Entry<String, List<Finding>> c : e.getValue().entrySet()) {
        Finding first = c.getValue().get(0);
        List<Finding> active = c.getValue().stream().filter(f -> !f.isSuppressed()).toList();
        out.append("    <testcase classname=\"").append(file).append("\" name=\"").append(Xml.escape(c.getKey()))
            .append("\" file=\"").append(file).append("\" line=\"").append(String.valueOf(first.location().startLine()))
            .append("\">\n");
        if (active.isEmpty()) {
          out.append("      <skipped message=\"").append(Xml.escape("suppressed ("
              + first.suppression().orElseThrow().kind().label() + "): " + first.suppression().orElseThrow().reason()))
              .append("\"/>\n");
        } else {
          StringBuilder text = new StringBuilder();
          for (Finding f : active) {
            text.append(f.location().shortForm()).append(": ").append(f.severity().label()).append(": [").append(f.ruleId())
                .append("] ").append(f.message()).append(" (").append(f.resource().address()).append(")\n");
          }
          out.append("      <failure type=\"").append(first.ruleId()).append("\" message=\"")
              .append(Xml.escape(active.get(0).message())).append("\">").append(Xml.escape(text.toString().strip()))
              .append("</failure>\n");
        }
        out.append("    </testcase>\n");
      }
      out.append("  </testsuite>\n");
    }
    out.append("</testsuites>\n");
  }

  /** Testcases with at least one finding that is (not) suppressed. */
  private static int count(Map<String, Map<String, List<Finding>>> byFile, boolean suppressedOnly) {
    int n = 0;
    for (Map<String, List<Finding>> cases : byFile.values()) {
      for (List<Finding> fs : cases.values()) {
        boolean anyActive = fs.stream().anyMatch(f -> !f.isSuppressed());
        if (anyActive != suppressedOnly) n++;
      }
    }
    return n;
  }

  static String title(List<RuleMetadata> rules, String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst().map(RuleMetadata::title).orElse(id);
  }
}
