package dev.iamlint.value;

/**
 * One instance for texts that repeat across a project: a scan keeps every evaluated value to
 * the end, and the same short texts ("Allow", "sts:AssumeRole", a module's scope, a resource
 * type) came back as a separate copy from every file and every instance (a 50 MB project kept
 * some 575,000 duplicate strings, a tenth of its heap). A fixed table of recent texts, not an
 * intern pool: its memory is bounded whatever the input, a text that misses its slot is kept as
 * it is, and two threads racing for a slot only lose a chance to share (strings are immutable).
 */
public final class SharedText {
  private static final int BITS = 16;
  /** Longer texts rarely repeat (policy JSON, user data) and cost more to compare than they would save. */
  private static final int LONGEST = 120;
  private static final String[] TABLE = new String[1 << BITS];

  private SharedText() {}

  /** An equal text: the one seen before in its slot, else {@code text} (which then takes the slot). */
  public static String of(String text) {
    if (text == null || text.length() > LONGEST) return text;
    // Fibonacci hashing: the high bits of the product spread the string hash over the table.
    int slot = (text.hashCode() * 0x9E3779B9) >>> (32 - BITS);
    String held = TABLE[slot];
    if (held != null && held.equals(text)) return held;
    TABLE[slot] = text;
    return text;
  }
}
