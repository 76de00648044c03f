package dev.iamlint.report;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.source.FileError;
import java.util.List;

/** What reporters write: findings in order, the counts, and the rules that were enabled. */
public record Report(String toolVersion, List<Finding> findings, int files, int resources, List<FileError> errors,
    List<RuleMetadata> rules) {
  public Report {
    findings = List.copyOf(findings);
    errors = List.copyOf(errors);
    rules = List.copyOf(rules);
  }
}
