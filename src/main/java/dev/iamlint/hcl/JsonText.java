package dev.iamlint.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Writes JSON as JavaScript does (number forms, escapes, key order), for oracle comparisons. */
final class JsonText {
  /** JSON null inside converted trees (maps cannot hold Java null portably). */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "null";
    }
  };

  private JsonText() {}

  static boolean isArrayIndex(String k) {
    if (k.isEmpty() || k.length() > 10 || !k.chars().allMatch(Character::isDigit)) return false;
    if (k.length() > 1 && k.charAt(0) == '0') return false;
    return Long.parseLong(k) < 4294967295L;
  }

  @SuppressWarnings("unchecked")
  static void write(Object v, StringBuilder sb) {
    if (v == null || v == NULL) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(s, sb);
    } else if (v instanceof Boolean b) {
      sb.append(b);
    } else if (v instanceof BigDecimal n) {
      sb.append(jsNumber(n.doubleValue()));
    } else if (v instanceof Map<?, ?> m) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : Hcl2Json.jsOrder((Map<String, Object>) m).entrySet()) {
        if (!first) sb.append(',');
        first = false;
        string(e.getKey(), sb);
        sb.append(':');
        write(e.getValue(), sb);
      }
      sb.append('}');
    } else if (v instanceof List<?> l) {
      sb.append('[');
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(',');
        write(l.get(i), sb);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("not JSON: " + v.getClass());
    }
  }

  private static void string(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
          else sb.append(c);
        }
      }
    }
    sb.append('"');
  }

  /** JavaScript's Number to string for the values a config holds. */
  static String jsNumber(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) return "null";
    if (d == Math.rint(d) && Math.abs(d) < 1e21) return new BigDecimal(d).toPlainString();
    String s = Double.toString(Math.abs(d));
    BigDecimal exact = new BigDecimal(s);
    String sign = d < 0 ? "-" : "";
    if (Math.abs(d) >= 1e-6 && Math.abs(d) < 1e21) return sign + exact.stripTrailingZeros().toPlainString();
    String digits = exact.unscaledValue().abs().toString().replaceAll("0+$", "");
    int exponent = exact.precision() - exact.scale() - 1;
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent >= 0 ? "+" : "") + exponent;
  }

  /** How Go's big.Float prints a number inside a string ('f', shortest). */
  static String goNumber(BigDecimal n) {
    BigDecimal s = n.stripTrailingZeros();
    return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
  }
}
