package dev.iamlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.iamlint.iam.FilterPattern;
import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records whose equals and hashCode are written out (a fresh JVM binds the generated ones at some
 * cost) behave as the generated ones would: twins with the generated methods give the same hash,
 * so no map or set of them iterates in another order, and equality still covers every component.
 */
class WrittenOutRecordMethodsTest {
  private record LocationTwin(String file, int startLine, int startColumn, int endLine, int endColumn) {}

  private record IndexKeyTwin(IndexKey.Form form, String first, String second) {}

  private record ResourceRefTwin(String scope, String address, String type, Location location, Location header,
      List<Location> callSites, String deployment, Optional<String> mayNotExist, Optional<String> construct,
      Optional<String> record) {}

  private record TermTwin(String selector, String op, String value) {}

  private record SetTwin(Set<FilterPattern.Expr> terms) {}

  private record StepTwin(String description, Optional<Location> location) {}

  private record ProvenanceTwin(List<Provenance.Step> steps) {}

  @Test
  void filterPatternTermsHashAsTheGeneratedMethodsWould() {
    FilterPattern.Term t = new FilterPattern.Term("$.eventName", "=", "ConsoleLogin");
    assertEquals(new TermTwin("$.eventName", "=", "ConsoleLogin").hashCode(), t.hashCode());
    assertEquals(t, new FilterPattern.Term("$.eventName", "=", "ConsoleLogin"));
    assertNotEquals(t, new FilterPattern.Term("$.eventName", "!=", "ConsoleLogin"));
    assertNotEquals(t, new FilterPattern.Term("$.eventSource", "=", "ConsoleLogin"));
    assertNotEquals(t, new FilterPattern.Term("$.eventName", "=", "GetObject"));
    Set<FilterPattern.Expr> terms = new LinkedHashSet<>(List.of(t, new FilterPattern.Term("$.userIdentity.type", "=", "Root")));
    assertEquals(new SetTwin(terms).hashCode(), new FilterPattern.All(terms).hashCode());
    assertEquals(new SetTwin(terms).hashCode(), new FilterPattern.Any(terms).hashCode());
    assertEquals(new FilterPattern.All(terms), new FilterPattern.All(Set.copyOf(terms)));
    assertNotEquals(new FilterPattern.All(terms), new FilterPattern.Any(terms));
    assertNotEquals(new FilterPattern.All(terms), new FilterPattern.All(Set.of(t)));
  }

  @Test
  void provenanceHashesAsTheGeneratedMethodsWould() {
    Location at = new Location("vars.tf", 2, 3, 2, 9);
    Provenance.Step step = new Provenance.Step("default of variable x", Optional.of(at));
    assertEquals(new StepTwin("default of variable x", Optional.of(at)).hashCode(), step.hashCode());
    assertEquals(new ProvenanceTwin(List.of(step)).hashCode(), Provenance.of("default of variable x", at).hashCode());
    assertEquals(Provenance.of("default of variable x", at), new Provenance(List.of(step)));
    assertNotEquals(Provenance.of("default of variable y", at), new Provenance(List.of(step)));
    assertNotEquals(Provenance.of("default of variable x"), new Provenance(List.of(step)));
    assertNotEquals(Provenance.LITERAL, new Provenance(List.of(step)));
  }

  @Test
  void locationHashesAsTheGeneratedMethodWouldAndComparesEveryComponent() {
    Location a = new Location("iam/main.tf", 3, 5, 4, 9);
    assertEquals(new LocationTwin("iam/main.tf", 3, 5, 4, 9).hashCode(), a.hashCode());
    assertEquals(new LocationTwin(null, 1, 1, 1, 1).hashCode(), new Location(null, 1, 1, 1, 1).hashCode());
    assertEquals(a, new Location("iam/main.tf", 3, 5, 4, 9));
    assertNotEquals(a, new Location("iam/other.tf", 3, 5, 4, 9));
    assertNotEquals(a, new Location("iam/main.tf", 2, 5, 4, 9));
    assertNotEquals(a, new Location("iam/main.tf", 3, 6, 4, 9));
    assertNotEquals(a, new Location("iam/main.tf", 3, 5, 5, 9));
    assertNotEquals(a, new Location("iam/main.tf", 3, 5, 4, 10));
    assertNotEquals(a, "iam/main.tf");
  }

  @Test
  void indexKeyHashesAsTheGeneratedMethodWouldAndComparesEveryComponent() {
    IndexKey k = IndexKey.reference("iam#", "aws_iam_role.r");
    assertEquals(new IndexKeyTwin(IndexKey.Form.REFERENCE, "iam#", "aws_iam_role.r").hashCode(), k.hashCode());
    assertEquals(k, IndexKey.reference("iam#", "aws_iam_role.r"));
    assertNotEquals(k, IndexKey.reference("iam#", "aws_iam_role.s"));
    assertNotEquals(k, IndexKey.reference("other#", "aws_iam_role.r"));
    assertNotEquals(k, new IndexKey(IndexKey.Form.NAME, "iam#", "aws_iam_role.r"));
  }

  @Test
  void resourceRefHashesAsTheGeneratedMethodWouldAndComparesEveryComponent() {
    Location at = new Location("main.tf", 1, 1, 4, 2);
    Location head = new Location("main.tf", 1, 1, 1, 30);
    List<Location> calls = List.of(new Location("root.tf", 7, 1, 9, 2));
    ResourceRef r = new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"),
        Optional.empty(), Optional.of("users[1]"));
    assertEquals(new ResourceRefTwin("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"),
        Optional.empty(), Optional.of("users[1]")).hashCode(), r.hashCode());
    assertEquals(r, new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"),
        Optional.empty(), Optional.of("users[1]")));
    List<ResourceRef> others = List.of(
        new ResourceRef("x#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.s", "aws_iam_role", at, head, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_user", at, head, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", head, head, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, at, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, List.of(), "root", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "other", Optional.of("count"), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.empty(), Optional.empty(),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"), Optional.of("cdk"),
            Optional.of("users[1]")),
        new ResourceRef("#", "aws_iam_role.r", "aws_iam_role", at, head, calls, "root", Optional.of("count"), Optional.empty(),
            Optional.empty()));
    for (ResourceRef other : others) assertNotEquals(r, other, other.toString());
  }
}
