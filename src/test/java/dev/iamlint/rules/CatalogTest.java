package dev.iamlint.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleBundle;
import dev.iamlint.rule.RuleMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every rule has its metadata, documentation, examples and annotated fixtures in both CFN formats. */
class CatalogTest {

  @Test
  void everyRuleIsDocumentedAndHasFixtures() throws IOException {
    Set<String> ids = new HashSet<>(Rules.TOOL_RULE_IDS);
    for (Rule r : Rules.all()) assertTrue(ids.add(r.id()), "duplicate rule id " + r.id());
    for (String id : ids) {
      RuleMetadata m = Catalog.get(id);
      assertEquals(id, m.id(), "rules/" + id + ".yaml names another id");
      assertTrue(m.slug().matches("[a-z0-9-]+"), id + ": slug");
      assertFalse(m.title().isBlank(), id + ": title");
      assertTrue(m.description().length() > 40, id + ": description");
      assertTrue(m.rationale().length() > 40, id + ": rationale");
      assertTrue(m.remediation().length() > 20, id + ": remediation");
      assertTrue(m.examples().stream().anyMatch(e -> !e.compliant()), id + ": a noncompliant example");
      assertTrue(m.examples().stream().anyMatch(RuleMetadata.Example::compliant), id + ": a compliant example");
      Path fixtures = AnnotatedFixtureTest.ROOT.resolve(id);
      assertTrue(Files.isDirectory(fixtures), id + ": no fixtures in " + fixtures);
      try (Stream<Path> files = Files.list(fixtures)) {
        List<Path> all = files.toList();
        if (m.formats().contains("cloudformation")) {
          assertTrue(all.stream().anyMatch(p -> p.toString().endsWith(".yaml") && hasExpectation(p)),
              id + ": a CloudFormation YAML fixture with an expected finding");
          assertTrue(all.stream().anyMatch(p -> p.toString().endsWith(".json") && hasExpectation(p)),
              id + ": a CloudFormation JSON fixture with an expected finding");
        }
        if (m.formats().contains("account")) {
          assertTrue(all.stream().anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("review")
              && moduleHasExpectation(p)), id + ": a review fixture (exports of an account) with an expected finding");
        }
        if (m.formats().contains("terraform") && !id.equals("SYN001")) {
          assertTrue(all.stream().anyMatch(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("terraform")
              && moduleHasExpectation(p)), id + ": a Terraform fixture module with an expected finding");
        }
      }
    }
  }

  private static boolean moduleHasExpectation(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".expected")).anyMatch(CatalogTest::hasExpectation);
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean hasExpectation(Path p) {
    return !AnnotatedFixtureTest.expectations(p).isEmpty();
  }

  /** The catalogue trusts the bundle to hold exactly the implemented rules. */
  @Test
  void bundleHoldsExactlyTheImplementedRules() {
    List<RuleMetadata> bundled = RuleBundle.bundled().orElseThrow(() -> new AssertionError("no rule bundle on the class path"));
    assertEquals(new TreeSet<>(Catalog.implementedIds()), new TreeSet<>(bundled.stream().map(RuleMetadata::id).toList()));
    assertEquals(Catalog.implementedIds().size(), Catalog.all().size());
  }

  @Test
  void slugsAreUnique() {
    Set<String> slugs = new HashSet<>();
    for (RuleMetadata m : Catalog.all()) assertTrue(slugs.add(m.slug()), "duplicate slug " + m.slug());
  }
}
