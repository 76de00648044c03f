package dev.iamlint.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The build's bundle of rule metadata says what rules/*.yaml say. */
class RuleBundleTest {

  static List<RuleMetadata> fromYaml() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
          .map(n -> RuleMetadataLoader.load(n.substring(0, n.length() - ".yaml".length()))).toList();
    }
  }

  @Test
  void theBundleOnTheClassPathIsTheYamlOfThisBuild() throws IOException {
    List<RuleMetadata> bundled = RuleBundle.bundled().orElseThrow(() -> new AssertionError(
        "no " + RuleBundle.RESOURCE + " on the class path: the build's process-classes step did not run"));
    assertEquals(fromYaml(), bundled);
  }

  @Test
  void everyRuleSurvivesAWriteAndARead() throws IOException {
    List<RuleMetadata> rules = fromYaml();
    assertTrue(rules.size() > 40, "rules/ holds the catalogue");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RuleBundle.write(rules, out);
    assertEquals(rules, RuleBundle.read(new ByteArrayInputStream(out.toByteArray())));
  }

  /** A listing reads the summaries alone: they are the heads of the whole metadata, in the same order. */
  @Test
  void theSummariesAreTheHeadsOfTheMetadata() throws IOException {
    List<RuleSummary> summaries = RuleBundle.bundledSummaries().orElseThrow(() -> new AssertionError("no bundle"));
    assertEquals(fromYaml().stream().map(RuleSummary::of).toList(), summaries);
  }

  @Test
  void somethingElseIsNotReadAsABundle() {
    assertThrows(IOException.class, () -> RuleBundle.read(new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})));
  }
}
