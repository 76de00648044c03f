package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import java.nio.file.Path;
import java.util.List;

/** Scans for tests: one file or directory, optionally one rule only. */
public final class TestScans {
  private TestScans() {}

  public static ScanResult scan(Path path, String... rules) {
    Path abs = path.toAbsolutePath().normalize();
    ScanRequest request = ScanRequest.of(abs.getParent(), List.of(abs))
        .withSelector(new RuleSelector(List.of(rules), List.of()));
    return new Scanner().scan(request);
  }

  /** With the given options (account baseline, external trail, unknowns, rule settings). */
  public static ScanResult scan(Path path, dev.iamlint.rule.ScanOptions options, String... rules) {
    Path abs = path.toAbsolutePath().normalize();
    ScanRequest r = ScanRequest.of(abs.getParent(), List.of(abs)).withSelector(new RuleSelector(List.of(rules), List.of()));
    return new Scanner().scan(new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(),
        r.variableFiles(), r.environment(), r.partition(), r.selector(), r.minSeverity(), options, r.excluded(), r.threads()));
  }

  public static List<Finding> findings(Path path, String... rules) {
    return scan(path, rules).findings();
  }

  /** As an account baseline (project-level rules apply). */
  public static List<Finding> baselineFindings(Path path, String... rules) {
    Path abs = path.toAbsolutePath().normalize();
    ScanRequest r = ScanRequest.of(abs.getParent(), List.of(abs)).withSelector(new RuleSelector(List.of(rules), List.of()));
    ScanRequest baseline = new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(), r.variableFiles(),
        r.environment(), r.partition(), r.selector(), r.minSeverity(), new dev.iamlint.rule.ScanOptions(true, false),
        r.excluded(), r.threads());
    return new Scanner().scan(baseline).findings();
  }
}
