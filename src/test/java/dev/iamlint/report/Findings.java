package dev.iamlint.report;

import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.rule.Suppression;
import dev.iamlint.source.Location;
import java.util.List;
import java.util.Optional;

/** Findings and reports made up for reporter tests. */
final class Findings {
  private Findings() {}

  static Finding finding(String rule, Severity severity, String file, int line, String message) {
    Location at = new Location(file, line, 3, line, 9);
    ResourceRef resource = new ResourceRef(file, "Resources.Thing", "AWS::IAM::User", at, at, List.of(), file);
    return new Finding(rule, "some-slug", severity, message, at, resource, List.of(), "");
  }

  static Finding suppressed(Finding f, String reason) {
    return f.suppressed(new Suppression(Suppression.Kind.INLINE, reason, Optional.empty()));
  }

  static Report report(List<Finding> findings) {
    return new Report("0.1.0", findings, 3, 7, List.of(), List.of());
  }
}
