package dev.iamlint.report;

import static dev.iamlint.report.Findings.finding;
import static dev.iamlint.report.Findings.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.Severity;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Workflow commands: the most severe first (GitHub shows only the first few per level), values escaped. */
class GithubReporterTest {

  static String write(List<Finding> findings) throws IOException {
    StringBuilder out = new StringBuilder();
    new GithubReporter().write(report(findings), out);
    return out.toString();
  }

  /** GitHub displays 10 annotations per level and step: within "error", critical before high, then path order. */
  @Test
  void ordersBySeverityThenByTheReportsPathOrder() throws IOException {
    List<Finding> inPathOrder = List.of(
        finding("R1", Severity.INFO, "a.yaml", 1, "a1"),
        finding("R2", Severity.HIGH, "a.yaml", 2, "a2"),
        finding("R3", Severity.LOW, "a.yaml", 3, "a3"),
        finding("R4", Severity.CRITICAL, "b.yaml", 1, "b1"),
        finding("R5", Severity.HIGH, "b.yaml", 2, "b2"),
        finding("R6", Severity.MEDIUM, "b.yaml", 3, "b3"),
        finding("R7", Severity.CRITICAL, "c.yaml", 9, "c9"));
    List<String> order = write(inPathOrder).lines().map(l -> l.substring(l.indexOf("title=[") + 7, l.indexOf(']'))).toList();
    assertEquals(List.of("R4", "R7", "R2", "R5", "R6", "R3", "R1"), order);
  }

  @Test
  void suppressedFindingsAreNotAnnotated() throws IOException {
    assertEquals("", write(List.of(Findings.suppressed(finding("R1", Severity.HIGH, "a.yaml", 1, "m"), "why"))));
  }

  /**
   * The runner splits a command at the first "::" after its properties and the properties at ","; a
   * line break would end the command and start a new one (a value could inject ::add-mask:: or
   * ::stop-commands::).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "percent; 'a 100% b'; a 100%25 b",
      "newline injects a command; 'x\n::add-mask::secret'; x%0A::add-mask::secret",
      "carriage return; 'x\r::error::fake'; x%0D::error::fake",
      "double colon stays in data; 'a::b'; a::b",
      "an escape stays literal; 'a %0A b'; a %250A b",
  })
  void messagesAreEscapedAsData(String name, String message, String expected) throws IOException {
    String line = write(List.of(finding("R1", Severity.HIGH, "a.yaml", 1, message)));
    assertEquals(expected + " (Resources.Thing)\n", line.substring(line.indexOf("::", 2) + 2));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      "comma ends a property; 'a,line=99.yaml'; a%2Cline=99.yaml",
      "colon ends the properties; 'a::error::b.yaml'; a%3A%3Aerror%3A%3Ab.yaml",
      "newline; 'a\nb.yaml'; a%0Ab.yaml",
      "percent; 'a%2Cb.yaml'; a%252Cb.yaml",
  })
  void pathsAreEscapedAsProperties(String name, String path, String expected) throws IOException {
    String line = write(List.of(finding("R1", Severity.HIGH, path, 1, "m")));
    assertEquals("::error file=" + expected + ",line=1,", line.substring(0, line.indexOf(",line=1,") + 8));
  }
}
