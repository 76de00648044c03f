package dev.iamlint.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class SharedTextTest {

  @Test
  void anEqualTextSeenBeforeIsThatInstance() {
    String first = SharedText.of(new String("sts:AssumeRole-shared-text-test"));
    String again = new String("sts:AssumeRole-shared-text-test");
    assertNotSame(first, again);
    assertSame(first, SharedText.of(again));
  }

  @Test
  void aLongTextIsKeptAsItIs() {
    String longText = "x".repeat(500);
    String copy = new String(longText);
    SharedText.of(longText);
    assertSame(copy, SharedText.of(copy));
  }

  @Test
  void valuesShareTheirTextsAndKeepThem() {
    Value.Str a = new Value.Str(new String("Allow-shared-text-test"), dev.iamlint.source.Location.point("a.tf", 1, 1),
        Provenance.LITERAL);
    Value.Str b = new Value.Str(new String("Allow-shared-text-test"), dev.iamlint.source.Location.point("b.tf", 2, 1),
        Provenance.LITERAL);
    assertSame(a.value(), b.value());
    assertEquals("Allow-shared-text-test", b.value());
  }

  @Test
  void aTextThatLostItsSlotIsStillReturnedEqual() {
    // Whatever other texts took the slot meanwhile, the answer is an equal text.
    for (int i = 0; i < 200_000; i++) assertEquals("t" + i, SharedText.of("t" + i));
  }
}
