package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.integer;
import static dev.iamlint.terraform.functions.FnSupport.mkNum;
import static dev.iamlint.terraform.functions.FnSupport.num;

import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Numeric functions. Terraform computes pow and log in float64, the others exactly. */
final class FnNumbers {
  private FnNumbers() {}

  static void into(Map<String, TfFunction> m) {
    m.put("sum", define("sum", 1, 1, (a, at, f) -> {
      List<Value> items = FnSupport.list(a.get(0), "the argument");
      if (items.isEmpty()) throw new FnError("cannot sum an empty list");
      FnSupport.requireKnown(a.get(0));
      BigDecimal s = BigDecimal.ZERO;
      for (Value v : items) {
        if (v instanceof Value.Null) throw new FnError("argument must be list, set, or tuple of number values");
        s = s.add(FnSupport.bounded(num(v, "an element"), "an element"));
      }
      return mkNum(s, at);
    }));
    m.put("max", define("max", 1, FnSupport.VARIADIC, (a, at, f) -> extreme(a, at, true)));
    m.put("min", define("min", 1, FnSupport.VARIADIC, (a, at, f) -> extreme(a, at, false)));
    m.put("abs", define("abs", 1, 1, (a, at, f) -> mkNum(num(a.get(0), "the argument").abs(), at)));
    m.put("ceil", define("ceil", 1, 1, (a, at, f) -> mkNum(whole(num(a.get(0), "the argument"), RoundingMode.CEILING), at)));
    m.put("floor", define("floor", 1, 1, (a, at, f) -> mkNum(whole(num(a.get(0), "the argument"), RoundingMode.FLOOR), at)));
    m.put("signum", define("signum", 1, 1, (a, at, f) -> mkNum(num(a.get(0), "the argument").signum(), at)));
    m.put("pow", define("pow", 2, 2, (a, at, f) -> {
      double base = num(a.get(0), "the base").doubleValue();
      double power = num(a.get(1), "the power").doubleValue();
      return mkNum(fromDouble(Math.pow(base, power)), at);
    }));
    m.put("log", define("log", 2, 2, (a, at, f) -> {
      double n = num(a.get(0), "the number").doubleValue();
      double base = num(a.get(1), "the base").doubleValue();
      return mkNum(fromDouble(Math.log(n) / Math.log(base)), at);
    }));
    m.put("parseint", define("parseint", 2, 2, (a, at, f) -> {
      Value v = a.get(0);
      FnSupport.requireTop(v);
      if (!(v instanceof Value.Str s)) throw new FnError("first argument must be a string, not " + FnSupport.kind(v));
      int base = integer(a.get(1), "the base");
      if (base < 2 || base > 62) throw new FnError("base must be a whole number between 2 and 62 inclusive");
      // Digit by digit, each step multiplying what was read so far: quadratic in the length.
      Budget.digits(s.value().length());
      BigInteger r = parseInt(s.value(), base);
      if (r == null) throw new FnError("cannot parse \"" + s.value() + "\" as a base " + base + " integer");
      return mkNum(new BigDecimal(r), at);
    }));
  }

  private static Value extreme(List<Value> a, dev.iamlint.source.Location at, boolean max) {
    BigDecimal best = null;
    for (int k = 0; k < a.size(); k++) {
      BigDecimal n = num(a.get(k), "argument " + (k + 1));
      if (best == null || (max ? n.compareTo(best) > 0 : n.compareTo(best) < 0)) best = n;
    }
    return mkNum(best, at);
  }

  private static BigDecimal whole(BigDecimal d, RoundingMode mode) {
    return d.scale() <= 0 ? d : d.setScale(0, mode);
  }

  static BigDecimal fromDouble(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) throw new FnError("the result is not a finite number");
    return new BigDecimal(Double.toString(d));
  }

  /** Go's big.Int SetString with a base from 2 to 62: an optional sign, then digits. */
  static BigInteger parseInt(String s, int base) {
    int i = 0;
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= s.length()) return null;
    BigInteger b = BigInteger.valueOf(base);
    BigInteger r = BigInteger.ZERO;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'Z') d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
      else return null;
      if (d >= base) return null;
      r = r.multiply(b).add(BigInteger.valueOf(d));
    }
    return negative ? r.negate() : r;
  }
}
