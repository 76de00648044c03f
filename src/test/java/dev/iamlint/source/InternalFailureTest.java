package dev.iamlint.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A failure on one input becomes that input's outcome, worded without Java's names. */
class InternalFailureTest {
  @Test
  void aResultPassesThrough() {
    assertEquals("ok", InternalFailure.contain(() -> "ok", reason -> "failed: " + reason));
  }

  @Test
  void anExceptionBecomesTheInputsOutcome() {
    String outcome = InternalFailure.contain(() -> {
      throw new NumberFormatException("Exponent overflow.");
    }, reason -> "failed: " + reason);
    assertTrue(outcome.startsWith("failed: an internal error in iamlint"), outcome);
    assertFalse(outcome.contains("Exception") || outcome.contains("overflow"), outcome);
  }

  @Test
  void aStackOverflowIsANestingTooDeep() {
    String outcome = InternalFailure.contain(InternalFailureTest::recurse, reason -> reason);
    assertEquals("nested too deeply for iamlint to follow", outcome);
  }

  private static String recurse() {
    return recurse() + "";
  }
}
