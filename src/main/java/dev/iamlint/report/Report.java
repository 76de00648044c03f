package dev.iamlint.report;

import dev.iamlint.fix.Fix;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.source.FileError;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What reporters write: findings in order, the counts, the rules that were enabled, and the
 * certain fixes of the findings that have one (reporters that can carry them: SARIF).
 */
public record Report(String toolVersion, List<Finding> findings, int files, int resources, List<FileError> errors,
    List<RuleMetadata> rules, Map<Finding, List<Fix>> fixes) {
  public Report(String toolVersion, List<Finding> findings, int files, int resources, List<FileError> errors,
      List<RuleMetadata> rules) {
    this(toolVersion, findings, files, resources, errors, rules, Map.of());
  }

  /** The certain fixes of {@code f}, none for most. */
  public List<Fix> fixesOf(Finding f) {
    return fixes.getOrDefault(f, List.of());
  }

  /** Findings that count: not suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  /**
   * Findings that count, most severe first and in the report's order within a severity: where a
   * reader (or GitHub, which shows only the first annotations of each level) stops early.
   */
  public List<Finding> activeBySeverity() {
    return active().stream().sorted(Comparator.comparing(Finding::severity)).toList();
  }

  /** Suppressed findings, present only when they were asked for (--show-suppressed). */
  public List<Finding> suppressed() {
    return findings.stream().filter(Finding::isSuppressed).toList();
  }

  public Report {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
    fixes = Map.copyOf(fixes);
  }
}
