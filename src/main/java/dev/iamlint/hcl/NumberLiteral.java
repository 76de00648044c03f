package dev.iamlint.hcl;

import java.math.BigInteger;

/**
 * Which number literals HashiCorp's parser accepts. {@code cty.ParseNumberVal} hands the text to
 * Go's {@code big.ParseFloat}, which refuses a literal whose decimal exponent does not fit in 64
 * bits, or whose binary exponent (the mantissa's bits plus the decimal exponent) does not fit in
 * 32 bits: {@code 1e2147483648}, {@code 10e2147483646}, {@code 1e-2147483650}. Terraform then
 * says "Invalid number literal". Any other literal is a number, however large.
 */
public final class NumberLiteral {
  private NumberLiteral() {}

  /** log2(10), to bound the bits of a long mantissa without converting it. */
  private static final double BITS_PER_DIGIT = Math.log(10) / Math.log(2);

  /**
   * Whether HashiCorp's parser accepts {@code text}: digits, an optional fraction, an optional
   * exponent (what the lexer matched; a JSON number may also start with {@code -}).
   */
  public static boolean valid(String text) {
    String t = text.startsWith("-") ? text.substring(1) : text;
    int e = Math.max(t.indexOf('e'), t.indexOf('E'));
    String mantissa = e < 0 ? t : t.substring(0, e);
    long exponent;
    try {
      exponent = e < 0 ? 0 : Long.parseLong(t.substring(e + 1).replace("+", ""));
    } catch (NumberFormatException overflow) {
      return false;
    }
    int point = mantissa.indexOf('.');
    String digits = point < 0 ? mantissa : mantissa.substring(0, point) + mantissa.substring(point + 1);
    long fractionDigits = point < 0 ? 0 : mantissa.length() - point - 1;
    int first = 0;
    while (first < digits.length() && digits.charAt(first) == '0') first++;
    int significant = digits.length() - first;
    // Zero is zero whatever its exponent (once the exponent itself is read).
    if (significant == 0) return true;
    long decimalExponent;
    try {
      decimalExponent = Math.subtractExact(exponent, fractionDigits);
    } catch (ArithmeticException overflow) {
      return false;
    }
    // The bits of an n-digit mantissa lie between these two (with a bit to spare for rounding):
    // count them exactly only when it matters.
    long fewest = (long) Math.floor((significant - 1) * BITS_PER_DIGIT);
    long most = (long) Math.floor(significant * BITS_PER_DIGIT) + 2;
    if (fits(fewest, decimalExponent) == fits(most, decimalExponent)) return fits(fewest, decimalExponent);
    return fits(new BigInteger(digits.substring(first)).bitLength(), decimalExponent);
  }

  private static boolean fits(long bits, long decimalExponent) {
    long binaryExponent;
    try {
      binaryExponent = Math.addExact(bits, decimalExponent);
    } catch (ArithmeticException overflow) {
      return false;
    }
    return binaryExponent >= Integer.MIN_VALUE && binaryExponent <= Integer.MAX_VALUE;
  }
}
