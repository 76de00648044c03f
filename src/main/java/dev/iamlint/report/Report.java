package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.source.FileError;
import java.util.List;

/** What reporters write: findings in order, the counts, and the rules that were enabled. */
public record Report(String toolVersion, List<Finding> findings, int files, int resources, List<FileError> errors,
    List<RuleMetadata> rules) {
  /** Findings that count: not suppressed. */
  public List<Finding> active() {
    return findings.stream().filter(f -> !f.isSuppressed()).toList();
  }

  /** Suppressed findings, present only when they were asked for (--show-suppressed). */
  public List<Finding> suppressed() {
    return findings.stream().filter(Finding::isSuppressed).toList();
  }

  public Report {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
  }
}
