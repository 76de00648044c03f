package dev.iamlint.value;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Numbers read from text: a literal, a JSON or YAML number, a string used as a number. A number
 * with more than {@link #MAX_DIGITS} digits before or after its point is out of range: no
 * configuration needs one, and printing it in a message would take unbounded memory
 * ({@code 1e600000000} is a valid Terraform literal). The bound is the one Terraform's functions
 * are evaluated with.
 */
public final class Numbers {
  private Numbers() {}

  public static final int MAX_DIGITS = 10_000;

  /** Longer text is out of range without being converted (a conversion's cost grows with it). */
  private static final int MAX_TEXT = 2 * MAX_DIGITS + 32;

  /** The number {@code text} writes (Java's decimal syntax: sign, digits, point, exponent), when in range. */
  public static Optional<BigDecimal> parse(String text) {
    if (text.isEmpty() || text.length() > MAX_TEXT) return Optional.empty();
    try {
      BigDecimal d = new BigDecimal(text);
      return inRange(d) ? Optional.of(d) : Optional.empty();
    } catch (NumberFormatException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  public static boolean inRange(BigDecimal d) {
    return d.signum() == 0 || Math.abs((long) d.precision() - d.scale()) <= MAX_DIGITS;
  }
}
