package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.CODEPOINTS;
import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.entries;
import static dev.iamlint.terraform.functions.FnSupport.firstUnknown;
import static dev.iamlint.terraform.functions.FnSupport.numText;
import static dev.iamlint.terraform.functions.FnSupport.unknownFrom;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** jsonencode, jsondecode and yamldecode. */
final class FnJson {
  private FnJson() {}

  static final int MAX_DEPTH = 500;

  static void into(Map<String, TfFunction> m) {
    m.put("jsonencode", define("jsonencode", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      Value u = firstUnknown(v);
      if (u != null) return unknownFrom("jsonencode", v, at, v.provenance());
      return new Value.Str(encode(v, true), at, v.provenance(), Optional.of(v));
    }));
    m.put("jsondecode", define("jsondecode", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      if (!v.isKnown()) return unknownFrom("jsondecode", v, at, v.provenance());
      Value decoded = new Decoder(FnSupport.str(v, "the argument"), at, v.provenance()).document();
      // A text that keeps its structure where it is written (a file read by file(), a heredoc):
      // its elements are placed there, not at this call.
      if (v instanceof Value.Str s && s.encoded().isPresent() && !(s.encoded().get() instanceof Value.Str)) {
        return JsonValues.locatedAs(decoded, s.encoded().get());
      }
      return decoded;
    }));
    m.put("yamldecode", define("yamldecode", 1, 1, (a, at, f) -> {
      Value v = a.get(0);
      if (!v.isKnown()) return unknownFrom("yamldecode", v, at, v.provenance());
      return yaml(FnSupport.str(v, "the argument"), at, v.provenance());
    }));
  }

  // ---- encoding: Go's encoding/json as Terraform uses it ----

  /** JSON text of a wholly known value; object keys sorted, as Terraform writes them. */
  static String encode(Value v, boolean escapeHtml) {
    StringBuilder sb = new StringBuilder();
    encode(v, escapeHtml, sb, 0);
    return sb.toString();
  }

  private static void encode(Value v, boolean html, StringBuilder sb, int depth) {
    if (depth > MAX_DEPTH) throw new FnError("the value is nested too deeply");
    // The text is checked as it grows: a value of bounded weight may still escape to six times its text.
    Budget.characters(sb.length());
    if (v instanceof Value.Str s) {
      Budget.characters(sb.length() + (long) s.value().length());
      quote(s.value(), html, sb);
    } else if (v instanceof Value.Num n) {
      sb.append(numText(n.value()));
    } else if (v instanceof Value.Bool b) {
      sb.append(b.value());
    } else if (v instanceof Value.Null) {
      sb.append("null");
    } else if (v instanceof Value.ListV l) {
      sb.append('[');
      for (int i = 0; i < l.items().size(); i++) {
        if (i > 0) sb.append(',');
        encode(l.items().get(i), html, sb, depth + 1);
      }
      sb.append(']');
    } else if (v instanceof Value.MapV m) {
      List<Value.MapV.Entry> es = new ArrayList<>(entries(m).values());
      es.sort((x, y) -> CODEPOINTS.compare(x.key(), y.key()));
      sb.append('{');
      for (int i = 0; i < es.size(); i++) {
        if (i > 0) sb.append(',');
        quote(es.get(i).key(), html, sb);
        sb.append(':');
        encode(es.get(i).value(), html, sb, depth + 1);
      }
      sb.append('}');
    } else {
      throw new FnSupport.FnNeed(v);
    }
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  static void quote(String s, boolean html, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case 0x2028, 0x2029 -> sb.append("\\u202").append(HEX[cp & 0xF]);
        default -> {
          if (cp < 0x20 || (html && (cp == '<' || cp == '>' || cp == '&'))) {
            sb.append("\\u00").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
          } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            sb.append('\uFFFD');
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    }
    sb.append('"');
  }

  // ---- decoding ----

  /** A strict JSON parser (RFC 8259, as Go's decoder) building values located at the call. */
  private static final class Decoder {
    private final String s;
    private final Location at;
    private final Provenance p;
    private int i;
    private long values;

    Decoder(String s, Location at, Provenance p) {
      this.s = s;
      this.at = at;
      this.p = p;
    }

    Value document() {
      skipSpace();
      if (i >= s.length()) throw fail("the text is empty");
      Value v = value(0);
      skipSpace();
      if (i < s.length()) throw fail("unexpected text after the JSON value");
      return v;
    }

    private FnError fail(String what) {
      return new FnError("invalid JSON: " + what + " at offset " + i);
    }

    private void skipSpace() {
      while (i < s.length()) {
        char c = s.charAt(i);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
        i++;
      }
    }

    private Value value(int depth) {
      if (depth > MAX_DEPTH) throw fail("nesting is too deep");
      // What a decoded document may hold is what any value may hold.
      Budget.weight(++values);
      if (i >= s.length()) throw fail("unexpected end of text");
      char c = s.charAt(i);
      if (c == '{') return object(depth);
      if (c == '[') return array(depth);
      if (c == '"') return new Value.Str(string(), at, p);
      if (c == '-' || (c >= '0' && c <= '9')) return number();
      if (s.startsWith("true", i)) {
        i += 4;
        return new Value.Bool(true, at, p);
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return new Value.Bool(false, at, p);
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return new Value.Null(at, p);
      }
      throw fail("unexpected character '" + new String(Character.toChars(s.codePointAt(i))) + "'");
    }

    private Value object(int depth) {
      i++;
      LinkedHashMap<String, Value.MapV.Entry> es = new LinkedHashMap<>();
      skipSpace();
      if (i < s.length() && s.charAt(i) == '}') {
        i++;
        return new Value.MapV(List.of(), at, p);
      }
      while (true) {
        skipSpace();
        if (i >= s.length() || s.charAt(i) != '"') throw fail("expected a property name");
        String key = string();
        if (es.containsKey(key)) throw fail("duplicate \"" + key + "\" property");
        skipSpace();
        if (i >= s.length() || s.charAt(i) != ':') throw fail("expected ':'");
        i++;
        skipSpace();
        es.put(key, new Value.MapV.Entry(key, at, value(depth + 1)));
        skipSpace();
        if (i >= s.length()) throw fail("unexpected end of text");
        char c = s.charAt(i++);
        if (c == '}') break;
        if (c != ',') {
          i--;
          throw fail("expected ',' or '}'");
        }
      }
      return new Value.MapV(new ArrayList<>(es.values()), at, p);
    }

    private Value array(int depth) {
      i++;
      List<Value> items = new ArrayList<>();
      skipSpace();
      if (i < s.length() && s.charAt(i) == ']') {
        i++;
        return new Value.ListV(items, at, p);
      }
      while (true) {
        skipSpace();
        items.add(value(depth + 1));
        skipSpace();
        if (i >= s.length()) throw fail("unexpected end of text");
        char c = s.charAt(i++);
        if (c == ']') break;
        if (c != ',') {
          i--;
          throw fail("expected ',' or ']'");
        }
      }
      return new Value.ListV(items, at, p);
    }

    private String string() {
      i++;
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (i >= s.length()) throw fail("unterminated string");
        char c = s.charAt(i++);
        if (c == '"') return sb.toString();
        if (c < 0x20) {
          i--;
          throw fail("control character in string");
        }
        if (c != '\\') {
          sb.append(c);
          continue;
        }
        if (i >= s.length()) throw fail("unterminated string");
        char e = s.charAt(i++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> unicodeEscape(sb);
          default -> {
            i--;
            throw fail("invalid escape '\\" + e + "'");
          }
        }
      }
    }

    private void unicodeEscape(StringBuilder sb) {
      int c = hex4();
      // Go combines a surrogate pair and replaces an unpaired surrogate with U+FFFD.
      if (Character.isHighSurrogate((char) c) && s.startsWith("\\u", i)) {
        int save = i;
        i += 2;
        int low = hex4();
        if (Character.isLowSurrogate((char) low)) {
          sb.append((char) c).append((char) low);
          return;
        }
        i = save;
      }
      sb.append(Character.isSurrogate((char) c) ? '\uFFFD' : (char) c);
    }

    private int hex4() {
      if (i + 4 > s.length()) throw fail("invalid \\u escape");
      int v = 0;
      for (int k = 0; k < 4; k++) {
        int d = Character.digit(s.charAt(i + k), 16);
        if (d < 0 || s.charAt(i + k) > 'f') throw fail("invalid \\u escape");
        v = v * 16 + d;
      }
      i += 4;
      return v;
    }

    private Value number() {
      int start = i;
      if (s.charAt(i) == '-') i++;
      if (i >= s.length()) throw fail("invalid number");
      if (s.charAt(i) == '0') {
        i++;
      } else if (s.charAt(i) >= '1' && s.charAt(i) <= '9') {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
      } else {
        throw fail("invalid number");
      }
      if (i < s.length() && s.charAt(i) == '.') {
        i++;
        int d = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == d) throw fail("invalid number");
      }
      if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
        i++;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) i++;
        int d = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
        if (i == d) throw fail("invalid number");
      }
      BigDecimal d;
      try {
        d = new BigDecimal(s.substring(start, i));
      } catch (NumberFormatException | ArithmeticException e) {
        throw fail("number out of range");
      }
      if (d.signum() != 0 && Math.abs((long) d.precision() - d.scale()) > FnSupport.MAX_PLAIN_DIGITS) {
        throw fail("number out of range");
      }
      return new Value.Num(d, at, p);
    }
  }

  // ---- YAML ----

  static Value yaml(String text, Location at, Provenance p) {
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    Object doc = null;
    int count = 0;
    try {
      Iterator<Object> docs = yaml.loadAll(text).iterator();
      while (docs.hasNext()) {
        Object d = docs.next();
        count++;
        if (count > 1) throw new FnError("only one YAML document is allowed, and the text has more");
        doc = d;
      }
    } catch (FnError e) {
      throw e;
    } catch (RuntimeException e) {
      String m = String.valueOf(e.getMessage());
      int nl = m.indexOf('\n');
      throw new FnError("invalid YAML: " + (nl > 0 ? m.substring(0, nl) : m));
    }
    return fromYaml(doc, at, p, 0, new long[1]);
  }

  /** {@code count}: the values made so far; aliases make the same node appear many times. */
  private static Value fromYaml(Object o, Location at, Provenance p, int depth, long[] count) {
    if (depth > MAX_DEPTH) throw new FnError("the YAML document is nested too deeply");
    Budget.weight(++count[0]);
    if (o == null) return new Value.Null(at, p);
    if (o instanceof String str) return new Value.Str(str, at, p);
    if (o instanceof Boolean b) return new Value.Bool(b, at, p);
    if (o instanceof Integer n) return new Value.Num(BigDecimal.valueOf(n), at, p);
    if (o instanceof Long n) return new Value.Num(BigDecimal.valueOf(n), at, p);
    if (o instanceof BigInteger n) return new Value.Num(new BigDecimal(n), at, p);
    if (o instanceof Double d) {
      if (d.isNaN() || d.isInfinite()) throw new FnError("the YAML number " + d + " cannot be represented");
      return new Value.Num(new BigDecimal(Double.toString(d)), at, p);
    }
    if (o instanceof Number n) return new Value.Num(new BigDecimal(n.toString()), at, p);
    if (o instanceof Date d) {
      Instant t = d.toInstant().truncatedTo(ChronoUnit.SECONDS);
      return new Value.Str(t.toString(), at, p);
    }
    if (o instanceof byte[] bytes) return new Value.Str(Base64.getEncoder().encodeToString(bytes), at, p);
    if (o instanceof Map<?, ?> m) {
      LinkedHashMap<String, Value.MapV.Entry> es = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        String key = yamlKey(e.getKey());
        es.put(key, new Value.MapV.Entry(key, at, fromYaml(e.getValue(), at, p, depth + 1, count)));
      }
      return new Value.MapV(new ArrayList<>(es.values()), at, p);
    }
    if (o instanceof Collection<?> c) {
      List<Value> items = new ArrayList<>();
      for (Object x : c) items.add(fromYaml(x, at, p, depth + 1, count));
      return new Value.ListV(items, at, p);
    }
    throw new FnError("unsupported YAML value of type " + o.getClass().getSimpleName());
  }

  private static String yamlKey(Object k) {
    if (k instanceof String s) return s;
    if (k == null) return "null";
    Value v = fromYaml(k, null, Provenance.LITERAL, 0, new long[1]);
    String t = FnSupport.scalarText(v);
    if (t == null) throw new FnError("a YAML mapping key must be a scalar");
    return t;
  }
}
