package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.firstUnknown;
import static dev.iamlint.terraform.functions.FnSupport.graphemes;
import static dev.iamlint.terraform.functions.FnSupport.mkList;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** format and formatlist: printf-like verbs with Terraform's (Go's) rendering of each. */
final class FnFormat {
  private FnFormat() {}

  static void into(Map<String, TfFunction> m) {
    m.put("format", define("format", 1, FnSupport.VARIADIC, (a, at, f) -> {
      String spec = FnSupport.str(a.get(0), "the format");
      return format("format", spec, a.subList(1, a.size()), at);
    }));
    m.put("formatlist", define("formatlist", 1, FnSupport.VARIADIC, (a, at, f) -> {
      String spec = FnSupport.str(a.get(0), "the format");
      List<Value> args = a.subList(1, a.size());
      int length = -1;
      for (int k = 0; k < args.size(); k++) {
        Value v = args.get(k);
        FnSupport.requireTop(v);
        if (v instanceof Value.ListV l) {
          if (length >= 0 && l.items().size() != length) {
            throw new FnError("argument " + (k + 2) + " has length " + l.items().size()
                + ", which is inconsistent with the length " + length + " of an earlier list");
          }
          length = l.items().size();
        }
      }
      if (length < 0) length = 1;
      List<Value> out = new ArrayList<>();
      for (int n = 0; n < length; n++) {
        List<Value> one = new ArrayList<>();
        for (Value v : args) one.add(v instanceof Value.ListV l ? l.items().get(n) : v);
        out.add(format("formatlist", spec, one, at));
      }
      return mkList(out, at);
    }));
  }

  private static final char HOLE = Value.Unknown.HOLE;

  /** One format call; an unknown argument leaves a hole in a partially known result. */
  static Value format(String fn, String spec, List<Value> args, Location at) {
    StringBuilder out = new StringBuilder();
    Value firstUnknown = null;
    int next = 1;
    int highest = 0;
    int i = 0;
    while (i < spec.length()) {
      // "%[1]s" a thousand times over a long argument: checked as the text grows.
      Budget.characters(out.length());
      char c = spec.charAt(i);
      if (c != '%') {
        out.append(c);
        i++;
        continue;
      }
      if (i + 1 < spec.length() && spec.charAt(i + 1) == '%') {
        out.append('%');
        i += 2;
        continue;
      }
      Verb v = new Verb();
      int start = i;
      i++;
      for (; i < spec.length(); i++) {
        char f = spec.charAt(i);
        if (f == '0') v.zero = true;
        else if (f == '#') v.sharp = true;
        else if (f == '-') v.minus = true;
        else if (f == '+') v.plus = true;
        else if (f == ' ') v.space = true;
        else break;
      }
      if (i < spec.length() && spec.charAt(i) >= '1' && spec.charAt(i) <= '9') {
        v.width = 0;
        while (i < spec.length() && Character.isDigit(spec.charAt(i)) && spec.charAt(i) < 128) {
          v.width = Math.min(v.width * 10 + (spec.charAt(i++) - '0'), 100_000);
        }
      }
      if (i < spec.length() && spec.charAt(i) == '.') {
        i++;
        v.prec = 0;
        while (i < spec.length() && spec.charAt(i) >= '0' && spec.charAt(i) <= '9') {
          v.prec = Math.min(v.prec * 10 + (spec.charAt(i++) - '0'), 100_000);
        }
      }
      int argNum = next;
      if (i < spec.length() && spec.charAt(i) == '[') {
        int close = spec.indexOf(']', i);
        String n = close < 0 ? "" : spec.substring(i + 1, close);
        if (!n.matches("[1-9][0-9]{0,5}")) throw new FnError("invalid argument index in the format at offset " + start);
        argNum = Integer.parseInt(n);
        i = close + 1;
      }
      if (i >= spec.length()) throw new FnError("the format ends in the middle of a verb at offset " + start);
      char mode = spec.charAt(i++);
      if (!((mode >= 'a' && mode <= 'z') || (mode >= 'A' && mode <= 'Z'))) {
        throw new FnError("unrecognized format character '" + mode + "' at offset " + (i - 1));
      }
      v.mode = mode;
      String raw = spec.substring(start, i);
      if (argNum > args.size()) {
        throw new FnError("not enough arguments for \"" + raw + "\" at " + start + ": need index " + argNum
            + " but have " + args.size() + " total");
      }
      highest = Math.max(highest, argNum);
      next = argNum + 1;
      Value arg = args.get(argNum - 1);
      if ("vtbdoxXeEfgGsq".indexOf(mode) < 0) {
        throw new FnError("unsupported format verb '" + mode + "' in \"" + raw + "\" at offset " + start);
      }
      Value u = firstUnknown(arg);
      if (u != null) {
        if (firstUnknown == null) firstUnknown = u;
        boolean plain = (mode == 's' || mode == 'v') && !v.sharp && v.width < 0 && v.prec < 0;
        out.append(plain ? FnStrings.partialOf(arg) : String.valueOf(HOLE));
        continue;
      }
      out.append(verb(v, raw, start, arg));
    }
    if (highest < args.size()) {
      if (highest == 0) throw new FnError("too many arguments; no verbs in the format");
      throw new FnError("too many arguments; only " + highest + " used by the format");
    }
    if (firstUnknown != null) {
      Budget.characters(out.length());
      return FnSupport.unknownFrom(fn, firstUnknown, at, Provenance.LITERAL, Optional.of(out.toString()));
    }
    Budget.characters(out.length());
    return mkStr(out.toString(), at);
  }

  private static final class Verb {
    char mode;
    boolean zero;
    boolean sharp;
    boolean minus;
    boolean plus;
    boolean space;
    int width = -1;
    int prec = -1;
  }

  private static String verb(Verb v, String raw, int offset, Value arg) {
    if (v.mode != 'v' && arg instanceof Value.Null) {
      throw new FnError("unsupported value for \"" + raw + "\" at " + offset + ": null value cannot be formatted");
    }
    try {
      switch (v.mode) {
        case 'v':
          if (!v.sharp && arg instanceof Value.Str s) return pad(v, s.value());
          if (!v.sharp && arg instanceof Value.Num n) {
            return pad(v, goG(FnSupport.bounded(n.value(), "the value"), -1, 'e'));
          }
          return pad(v, FnJson.encode(arg, true));
        case 't':
          return FnSupport.bool(arg, "the value") ? "true" : "false";
        case 'b', 'd', 'o', 'x', 'X':
          return integer(v, FnSupport.bounded(FnSupport.num(arg, "the value"), "the value"));
        case 'e', 'E', 'f', 'g', 'G':
          return floating(v, FnSupport.bounded(FnSupport.num(arg, "the value"), "the value"));
        default: {
          String s = FnSupport.str(arg, "the value");
          if (v.prec >= 0) {
            FnSupport.Graphemes g = graphemes(s);
            if (v.prec > 0 && v.prec < g.size()) s = g.text(0, v.prec);
          }
          if (v.mode == 'q') {
            StringBuilder q = new StringBuilder();
            FnJson.quote(s, true, q);
            s = q.toString();
          }
          return pad(v, s);
        }
      }
    } catch (FnError e) {
      throw new FnError("unsupported value for \"" + raw + "\" at " + offset + ": " + e.getMessage());
    }
  }

  /** Width in characters, padded with spaces (or zeros) on the left, or on the right with '-'. */
  private static String pad(Verb v, String s) {
    if (v.width < 0) return s;
    int have = FnSupport.graphemeCount(s);
    if (have >= v.width) return s;
    String pads = String.valueOf(v.zero ? '0' : ' ').repeat(v.width - have);
    return v.minus ? s + pads : pads + s;
  }

  /** Go's padding of a number: sign first, zeros after the sign. */
  private static String padNumber(Verb v, boolean negative, String prefix, String digits) {
    String sign = negative ? "-" : v.plus ? "+" : v.space ? " " : "";
    String body = sign + prefix + digits;
    if (v.width < 0 || body.length() >= v.width) return body;
    int n = v.width - body.length();
    if (v.minus) return body + " ".repeat(n);
    if (v.zero) return sign + prefix + "0".repeat(n) + digits;
    return " ".repeat(n) + body;
  }

  private static String integer(Verb v, BigDecimal d) {
    BigInteger bi;
    try {
      bi = d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new FnError("an integer is required");
    }
    int radix = v.mode == 'b' ? 2 : v.mode == 'o' ? 8 : (v.mode == 'x' || v.mode == 'X') ? 16 : 10;
    String digits = bi.abs().toString(radix);
    if (v.mode == 'X') digits = digits.toUpperCase(java.util.Locale.ROOT);
    if (v.prec >= 0) {
      if (v.prec == 0 && bi.signum() == 0) digits = "";
      if (digits.length() < v.prec) digits = "0".repeat(v.prec - digits.length()) + digits;
    }
    String prefix = "";
    if (v.sharp) {
      if (v.mode == 'b') prefix = "0b";
      else if (v.mode == 'o' && !digits.startsWith("0")) prefix = "0";
      else if (v.mode == 'x') prefix = "0x";
      else if (v.mode == 'X') prefix = "0X";
    }
    Verb noZeroWithPrec = v;
    if (v.prec >= 0 && v.zero) {
      noZeroWithPrec = copy(v);
      noZeroWithPrec.zero = false;
    }
    return padNumber(noZeroWithPrec, bi.signum() < 0, prefix, digits);
  }

  private static Verb copy(Verb v) {
    Verb c = new Verb();
    c.mode = v.mode;
    c.zero = v.zero;
    c.sharp = v.sharp;
    c.minus = v.minus;
    c.plus = v.plus;
    c.space = v.space;
    c.width = v.width;
    c.prec = v.prec;
    return c;
  }

  private static String floating(Verb v, BigDecimal d) {
    char m = v.mode;
    String text;
    if (m == 'f') {
      text = fixed(d.abs(), v.prec < 0 ? 6 : v.prec);
    } else if (m == 'e' || m == 'E') {
      text = exponent(d.abs(), v.prec < 0 ? 6 : v.prec, m);
    } else {
      text = goG(d.abs(), v.prec, m == 'g' ? 'e' : 'E');
    }
    return padNumber(v, d.signum() < 0, "", text);
  }

  private static String fixed(BigDecimal d, int prec) {
    return d.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Significant digits (no trailing zeros) and the decimal exponent: d = 0.digits × 10^exp. */
  private record Decimal(String digits, int exp) {
    static Decimal of(BigDecimal d) {
      if (d.signum() == 0) return new Decimal("", 0);
      BigDecimal s = d.abs().stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Decimal(digits, digits.length() - s.scale());
    }
  }

  private static BigDecimal roundSignificant(BigDecimal d, int digits) {
    return d.round(new MathContext(Math.max(digits, 1), RoundingMode.HALF_EVEN));
  }

  private static String exponent(BigDecimal d, int prec, char e) {
    return formatE(Decimal.of(roundSignificant(d, prec + 1)), prec, e);
  }

  private static String formatE(Decimal x, int prec, char e) {
    StringBuilder sb = new StringBuilder();
    sb.append(x.digits.isEmpty() ? '0' : x.digits.charAt(0));
    if (prec > 0) {
      sb.append('.');
      int k = 1;
      for (; k < Math.min(x.digits.length(), prec + 1); k++) sb.append(x.digits.charAt(k));
      for (; k <= prec; k++) sb.append('0');
    }
    sb.append(e);
    int exp = x.digits.isEmpty() ? 0 : x.exp - 1;
    sb.append(exp < 0 ? '-' : '+');
    if (Math.abs(exp) < 10) sb.append('0');
    sb.append(Math.abs(exp));
    return sb.toString();
  }

  /** Go's %g of a big.Float: shortest digits when {@code prec} is -1. */
  static String goG(BigDecimal value, int prec, char e) {
    BigDecimal d = value.abs();
    boolean shortest = prec < 0;
    Decimal x;
    if (shortest) {
      x = Decimal.of(d);
      prec = x.digits.length();
    } else {
      if (prec == 0) prec = 1;
      x = Decimal.of(roundSignificant(d, prec));
    }
    int eprec = prec;
    if (eprec > x.digits.length() && x.digits.length() >= x.exp) eprec = x.digits.length();
    if (shortest) eprec = 6;
    int exp = x.exp - 1;
    String body;
    if (!x.digits.isEmpty() && (exp < -4 || exp >= eprec)) {
      if (prec > x.digits.length()) prec = x.digits.length();
      body = formatE(x, prec - 1, e);
    } else {
      if (prec > x.exp) prec = x.digits.length();
      int fraction = Math.max(prec - x.exp, 0);
      BigDecimal r = x.digits.isEmpty() ? BigDecimal.ZERO : new BigDecimal(new BigInteger(x.digits), x.digits.length() - x.exp);
      body = r.setScale(fraction, RoundingMode.HALF_EVEN).toPlainString();
    }
    return value.signum() < 0 ? "-" + body : body;
  }
}
