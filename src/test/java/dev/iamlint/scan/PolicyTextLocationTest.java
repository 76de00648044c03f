package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A policy written as JSON text in a template (through Fn::Sub or not; a block, quoted or folded
 * string; a JSON template's escaped string) is located at the offending element inside the text:
 * the line and column where it is written in the template.
 */
class PolicyTextLocationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      json-strings-located.yaml | 25:27 37:49 46:39 55:41
      json-strings-located.json | 11:207 17:81
      """)
  void eachFindingIsAtTheActionInsideTheString(String fixture, String positions) {
    List<Finding> found = TestScans.findings(Path.of("testdata/rules/ADM003", fixture), "ADM003");
    assertEquals(List.of(positions.split(" ")),
        found.stream().map(f -> f.location().startLine() + ":" + f.location().startColumn()).toList());
  }
}
