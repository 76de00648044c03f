package dev.iamlint.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which number literals HashiCorp's parser accepts (each row checked with hcl-oracle): the binary
 * exponent must fit in 32 bits, the decimal one in 64.
 */
class NumberLiteralTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "1, true",
      "1.5e3, true",
      "0e9999999999, true",
      "0.00e-99999999999, true",
      "1e-2147483647, true",
      "1e-2147483649, true",
      "0.5e-2147483647, true",
      "1e1000000000, true",
      "0.0001e2147483647, true",
      "12e2147483643, true",
      "15e2147483643, true",
      "-1e2147483647, false",
      "1e2147483647, false",
      "1e2147483648, false",
      "1.5e2147483646, false",
      "10e2147483646, false",
      "13e2147483644, false",
      "16e2147483643, false",
      "1e-2147483650, false",
      "0e99999999999999999999, false",
      "1e9223372036854775806, false",
      "1e9223372036854775807, false",
      "1e-9223372036854775808, false",
      "1e99999999999999999999, false",
  })
  void acceptsWhatHashicorpAccepts(String literal, boolean accepted) {
    assertEquals(accepted, NumberLiteral.valid(literal));
  }

  @Test
  void aLongMantissaIsJudgedByItsLengthWithoutConvertingIt() {
    String digits = "7".repeat(5_000_000);
    assertEquals(true, NumberLiteral.valid(digits + "e1000"));
    // 5,000,000 digits are about 16.6 million bits: the exponent's room shrinks by as much.
    assertEquals(false, NumberLiteral.valid(digits + "e2147483000"));
  }
}
