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

  public static List<Finding> findings(Path path, String... rules) {
    return scan(path, rules).findings();
  }
}
