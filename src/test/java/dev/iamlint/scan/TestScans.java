package dev.iamlint.scan;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Scans for tests: one file or directory, optionally one rule only. Every scan is judged as on
 * {@link #AS_OF}, never the clock's date, so that time windows in fixtures decide the same way
 * on every day the tests run.
 */
public final class TestScans {
  /** The day fixtures are judged on (as with --as-of 2026-06-15). */
  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  private TestScans() {}

  public static ScanResult scan(Path path, String... rules) {
    return scan(path, ScanOptions.DEFAULT, rules);
  }

  /** With the given options (account baseline, external trail, unknowns, rule settings). */
  public static ScanResult scan(Path path, ScanOptions options, String... rules) {
    Path abs = path.toAbsolutePath().normalize();
    ScanRequest r = ScanRequest.of(abs.getParent(), List.of(abs)).withSelector(new RuleSelector(List.of(rules), List.of()));
    return new Scanner().scan(new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(),
        r.variableFiles(), r.environment(), r.partition(), r.selector(), r.minSeverity(), options.withAsOf(AS_OF), r.excluded(),
        r.threads()));
  }

  public static List<Finding> findings(Path path, String... rules) {
    return scan(path, rules).findings();
  }

  /** As an account baseline (project-level rules apply). */
  public static List<Finding> baselineFindings(Path path, String... rules) {
    return scan(path, new ScanOptions(true, false), rules).findings();
  }
}
