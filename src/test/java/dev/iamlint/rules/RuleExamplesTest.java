package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleMetadata;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The examples in {@code rules/<ID>.yaml} (shown by {@code iamlint explain}) behave as documented. */
class RuleExamplesTest {
  @TempDir
  Path tmp;

  @TestFactory
  Stream<DynamicTest> examples() {
    List<DynamicTest> tests = new ArrayList<>();
    for (RuleMetadata m : Catalog.all()) {
      int n = 0;
      for (RuleMetadata.Example e : m.examples()) {
        int index = ++n;
        tests.add(DynamicTest.dynamicTest(m.id() + " #" + index + " " + e.format() + ": " + e.title(),
            () -> check(m, e, index)));
      }
    }
    return tests.stream();
  }

  /**
   * An export of a deployed account: reviewed as on {@link TestScans#AS_OF} (what the titles say
   * with --as-of), with an empty code directory as --iac.
   */
  private void reviewed(RuleMetadata m, RuleMetadata.Example e, int index) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(m.id() + "-" + index));
    Path file = dir.resolve(e.format().equals("credential-report-csv") ? "credential-report.csv" : "authorization-details.json");
    Files.writeString(file, e.code());
    Path code = Files.createDirectories(tmp.resolve(m.id() + "-" + index + "-code"));
    List<Finding> findings = TestScans.review(List.of(file), Optional.of(TestScans.AS_OF), List.of(code), m.id())
        .findings();
    if (e.compliant()) {
      assertEquals(List.of(), findings.stream().map(Finding::message).toList(), "compliant example reported");
    } else {
      assertFalse(findings.isEmpty(), "noncompliant example not reported");
    }
  }

  private void check(RuleMetadata m, RuleMetadata.Example e, int index) throws Exception {
    if (e.format().equals("credential-report-csv") || e.format().equals("authorization-details")) {
      reviewed(m, e, index);
      return;
    }
    String extension = switch (e.format()) {
      case "cloudformation-yaml" -> ".yaml";
      case "cloudformation-json" -> ".json";
      case "terraform" -> ".tf";
      default -> throw new IllegalStateException(m.id() + ": unknown example format " + e.format());
    };
    // Each example is a module of its own: a directory with one file.
    Path file = Files.createDirectories(tmp.resolve(m.id() + "-" + index)).resolve("example" + extension);
    Files.writeString(file, e.code());
    List<Finding> findings = e.baseline() ? TestScans.baselineFindings(file, m.id()) : TestScans.findings(file, m.id());
    if (e.compliant()) {
      assertEquals(List.of(), findings.stream().map(Finding::message).toList(), "compliant example reported");
    } else {
      assertFalse(findings.isEmpty(), "noncompliant example not reported");
    }
  }
}
