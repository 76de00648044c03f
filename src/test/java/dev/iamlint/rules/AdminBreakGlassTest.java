package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import dev.iamlint.scan.TestScans;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ADM001's severities on its break-glass fixtures (the annotated fixtures check lines and
 * messages only): info for the dedicated admin role its fix recommends, high for every near miss.
 */
class AdminBreakGlassTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      break-glass.yaml      | {26=INFO, 44=HIGH, 59=HIGH, 72=HIGH, 85=HIGH}
      break-glass.json      | {26=INFO, 54=HIGH, 91=HIGH}
      terraform-break-glass | {27=INFO, 40=HIGH, 62=HIGH, 76=INFO, 89=HIGH, 125=INFO, 134=INFO, 140=INFO, 158=INFO}
      terraform-pinned-account | {18=INFO, 31=HIGH}
      """)
  void infoOnlyForTheRecommendedPattern(String fixture, String expected) {
    Map<Integer, Severity> actual = new TreeMap<>();
    for (Finding f : TestScans.findings(Path.of("testdata/rules/ADM001").resolve(fixture), "ADM001")) {
      actual.put(f.location().startLine(), f.severity());
    }
    assertEquals(expected, actual.toString());
  }
}
