package dev.iamlint.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.iamlint.source.Location;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The budget's rules, one by one (the hostile suite shows them on whole configurations). */
class BudgetTest {
  private static final Location AT = Location.point("main.tf", 1, 1);

  private static Value.Str str(String s) {
    return new Value.Str(s, AT, Provenance.LITERAL);
  }

  @Test
  void aListHeldTwiceWeighsTwice() {
    Value.ListV inner = new Value.ListV(List.of(str("a"), str("b")), AT, Provenance.LITERAL);
    Value.ListV twice = new Value.ListV(List.of(inner, inner), AT, Provenance.LITERAL);
    assertEquals(3, inner.weight());
    assertEquals(7, twice.weight());
    // Text weighs one per 8 characters, keys too.
    assertEquals(1 + 16, str("x".repeat(128)).weight());
    Value.MapV map = new Value.MapV(List.of(new Value.MapV.Entry("k".repeat(64), AT, str("v"))), AT, Provenance.LITERAL);
    assertEquals(1 + 8 + 1, map.weight());
  }

  @Test
  void eachLimitGivesItsReason() {
    assertEquals("a list of more than 100,000 elements",
        assertThrows(Budget.Exceeded.class, () -> Budget.elements(100_001, "a list")).limit());
    assertEquals("a string of more than 4,194,304 characters",
        assertThrows(Budget.Exceeded.class, () -> Budget.characters(Budget.MAX_STRING + 1L)).limit());
    assertEquals("a number of more than 10,000 digits",
        assertThrows(Budget.Exceeded.class, () -> Budget.digits(new BigDecimal("1e999999999"))).limit());
    Budget.elements(100_000, "a list");
    Budget.characters(Budget.MAX_STRING);
    Budget.digits(new BigDecimal("1e400"));
  }

  @Test
  void evaluationsNestNoDeeperThanTheLimitAndLeaveNoTrace() {
    Budget b = new Budget(2);
    b.enter();
    b.enter();
    assertEquals("expressions nested more than 2 deep", assertThrows(Budget.Exceeded.class, b::enter).limit());
    b.exit();
    b.enter();
    b.exit();
    b.exit();
  }

  @Test
  void onceTheStepsAreSpentEachTopLevelEvaluationStillGetsItsShare() {
    Budget b = new Budget(10, 100);
    b.enter();
    assertThrows(Budget.Exceeded.class, () -> b.charge(200 + Budget.STEPS_AFTER_LIMIT));
    b.exit();
    // The next top-level evaluation: its own share, not more.
    b.enter();
    b.charge(Budget.STEPS_AFTER_LIMIT);
    assertThrows(Budget.Exceeded.class, () -> b.charge(1));
    b.exit();
    // Outside any evaluation (the instances of a for_each): a share at once.
    b.charge(Budget.STEPS_AFTER_LIMIT);
    assertThrows(Budget.Exceeded.class, () -> b.charge(Budget.STEPS_AFTER_LIMIT + 1));
  }

  @Test
  void aPlaceIsNotedOnceAndAStepsLimitOncePerTopLevelEvaluation() {
    Budget b = new Budget(10, 0);
    Location first = Location.point("main.tf", 3, 5);
    Location second = Location.point("main.tf", 3, 9);
    b.enter();
    Budget.Exceeded steps = assertThrows(Budget.Exceeded.class, () -> b.charge(Budget.STEPS_AFTER_LIMIT + 1));
    Value.Unknown cut = b.cut(steps, first);
    b.cut(steps, second);
    b.exit();
    assertEquals(Value.Cause.LIMIT, cut.cause());
    assertEquals("evaluation limit: more than 0 steps", cut.reason());
    Budget.Exceeded list = assertThrows(Budget.Exceeded.class, () -> Budget.elements(100_001, "a list"));
    b.cut(list, second);
    b.cut(list, second);
    assertEquals(List.of(new Budget.Note(first, "more than 0 steps"), new Budget.Note(second, "a list of more than 100,000 elements")),
        b.notes());
  }

  @Test
  void aProvenanceKeepsItsFirstAndLastSteps() {
    Provenance p = Provenance.LITERAL;
    for (int i = 0; i < 100; i++) p = p.then(Provenance.of("step " + i));
    assertEquals(Provenance.MAX_STEPS, p.steps().size());
    assertEquals("step 0", p.steps().get(0).description());
    assertEquals("step 99", p.steps().get(Provenance.MAX_STEPS - 1).description());
  }
}
