package dev.iamlint.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names fold alike exactly when they are equal ignoring case, ASCII or not (the index keys principals by them). */
class ModelIndexFoldTest {

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource({
      "deploy-role, deploy-role, true",
      "Deploy-Role, deploy-ROLE, true",
      "ADMIN, admin, true",
      "admin, admins, false",
      "'a_b+c=d,.e@f', 'A_B+C=D,.E@F', true",
      "İnfra, infra, true",
      "ınfra, INFRA, true",
      "straße, STRASSE, false",
      "Ωmega, ωMEGA, true",
      "role1, ROLE1, true",
  })
  void foldsAsEqualsIgnoreCase(String a, String b, boolean equal) {
    assertEquals(equal, a.equalsIgnoreCase(b), "the table itself");
    assertEquals(equal, ModelIndex.fold(a).equals(ModelIndex.fold(b)), a + " / " + b);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"plain-name", "Mixed-Case", "ÄÖÜ-names", "x"})
  void foldingTwiceChangesNothing(String name) {
    String once = ModelIndex.fold(name);
    assertEquals(once, ModelIndex.fold(once));
    assertTrue(once.equalsIgnoreCase(name));
  }
}
