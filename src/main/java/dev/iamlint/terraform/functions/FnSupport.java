package dev.iamlint.terraform.functions;

import dev.iamlint.source.Location;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.text.BreakIterator;
import java.text.Normalizer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the built-in functions share: argument conversions the way Terraform converts, unknown
 * propagation, equality and ordering of values. Conversions signal a wrong argument with
 * {@link FnError} and a needed value that is unknown with {@link FnNeed}; {@link #define} turns
 * both into the unknown result a function gives, so a function never throws but for
 * {@link Budget.Exceeded}: past an evaluation limit, the evaluator makes the result unknown and
 * notes the place.
 */
final class FnSupport {
  private FnSupport() {}

  /** A wrong argument: the function's result is an UNSUPPORTED unknown with this message. */
  static final class FnError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FnError(String message) {
      super(message, null, false, false);
    }
  }

  /** A value the result depends on is unknown: the result is unknown for the same cause. */
  static final class FnNeed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final transient Value value;

    FnNeed(Value value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /** The body of a function; it may throw {@link FnError} and {@link FnNeed}. */
  @FunctionalInterface
  interface Body {
    Value apply(List<Value> args, Location at, FileAccess files);
  }

  static final int VARIADIC = Integer.MAX_VALUE;

  /** A function with arity checks and the translation of signals into unknown results. */
  static TfFunction define(String name, int min, int max, Body body) {
    return (arguments, at, files) -> {
      List<Value> args = arguments == null ? List.of() : arguments;
      try {
        for (Value a : args) {
          if (a == null) throw new FnError("an argument is missing");
        }
        if (args.size() < min || args.size() > max) throw new FnError(arityMessage(min, max, args.size()));
        Value result = body.apply(args, at, files == null ? FileAccess.NONE : files);
        return result == null ? error(name, "no result", at) : result;
      } catch (FnError e) {
        return error(name, e.getMessage(), at);
      } catch (FnNeed n) {
        return unknownFrom(name, n.value, at, Provenance.LITERAL);
      } catch (Budget.Exceeded e) {
        throw e;
      } catch (RuntimeException | StackOverflowError e) {
        return error(name, "cannot be evaluated (" + e.getClass().getSimpleName() + ")", at);
      }
    };
  }

  private static String arityMessage(int min, int max, int got) {
    String what;
    if (min == max) what = "expects " + plural(min, "argument");
    else if (max == VARIADIC) what = "expects at least " + plural(min, "argument");
    else what = "expects " + min + " to " + plural(max, "argument");
    return what + ", got " + got;
  }

  static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }

  // ---- results ----

  static Value.Unknown error(String fn, String message, Location at) {
    return new Value.Unknown(Value.Cause.UNSUPPORTED, fn + ": " + message, Optional.empty(), Optional.empty(), at,
        Provenance.LITERAL);
  }

  /** The unknown result of {@code fn} applied to {@code unknown} (an Unknown or a OneOf). */
  static Value.Unknown unknownFrom(String fn, Value unknown, Location at, Provenance provenance) {
    return unknownFrom(fn, unknown, at, provenance, Optional.empty());
  }

  static Value.Unknown unknownFrom(String fn, Value unknown, Location at, Provenance provenance,
      Optional<String> partial) {
    // A derived value no longer designates the resource (upper(arn) is not the role), but a
    // secret stays a secret: base64encode of a key's secret is what data-flow checks (KEY002) follow.
    return new Value.Unknown(causeOf(unknown), fn + " of an unknown value (" + innerReason(unknown) + ")",
        referenceOf(unknown).filter(Reference::secret), partial, at, provenance);
  }

  /** The reference a value derived from {@code v} keeps: a secret one anywhere inside, else the first. */
  static Optional<Reference> referenceOf(Value v) {
    if (v instanceof Value.Unknown u) return u.reference();
    Optional<Reference> kept = Optional.empty();
    List<Value> inner = v instanceof Value.OneOf o ? o.alternatives()
        : v instanceof Value.ListV l ? l.items()
        : v instanceof Value.MapV m ? m.entries().stream().map(Value.MapV.Entry::value).toList() : List.of();
    for (Value i : inner) kept = Reference.preferred(kept, referenceOf(i));
    return kept;
  }

  static Value.Cause causeOf(Value v) {
    if (v instanceof Value.Unknown u) return u.cause();
    if (v instanceof Value.OneOf o) {
      for (Value alt : o.alternatives()) {
        Value u = firstUnknown(alt);
        if (u != null) return causeOf(u);
      }
      // A choice that cannot be decided statically is, most of the time, a choice on an input.
      return Value.Cause.INPUT;
    }
    Value u = firstUnknown(v);
    return u == null ? Value.Cause.UNSUPPORTED : causeOf(u);
  }

  static String innerReason(Value v) {
    if (v instanceof Value.Unknown u) return u.reason();
    if (v instanceof Value.OneOf o) return "one of " + o.alternatives().size() + " alternatives";
    Value u = firstUnknown(v);
    return u == null ? "a known value" : innerReason(u);
  }

  /** An empty string written as such ("" , not a rendered document). */
  static boolean emptyString(Value v) {
    return v instanceof Value.Str s && s.value().isEmpty() && s.encoded().isEmpty();
  }

  static Value.Str mkStr(String s, Location at) {
    return new Value.Str(s, at, Provenance.LITERAL);
  }

  static Value.Num mkNum(BigDecimal n, Location at) {
    return new Value.Num(n, at, Provenance.LITERAL);
  }

  static Value.Num mkNum(long n, Location at) {
    return new Value.Num(BigDecimal.valueOf(n), at, Provenance.LITERAL);
  }

  static Value.Bool mkBool(boolean b, Location at) {
    return new Value.Bool(b, at, Provenance.LITERAL);
  }

  static Value.Null mkNull(Location at) {
    return new Value.Null(at, Provenance.LITERAL);
  }

  static Value.ListV mkList(List<Value> items, Location at) {
    return new Value.ListV(items, at, Provenance.LITERAL);
  }

  static Value.MapV mkMap(List<Value.MapV.Entry> entries, Location at) {
    return new Value.MapV(entries, at, Provenance.LITERAL);
  }

  /** An element of an argument given back as the result: moved to the call, its content kept. */
  static Value located(Value v, Location at) {
    return v.withOrigin(at, Provenance.LITERAL);
  }

  // ---- unknowns ----

  /** The first Unknown or OneOf in {@code v}, depth first, or null. */
  static Value firstUnknown(Value v) {
    if (v instanceof Value.Unknown || v instanceof Value.OneOf) return v;
    // Indexed loops: called on every function argument, mostly small lists, where an iterator each is the cost.
    if (v instanceof Value.ListV l) {
      List<Value> items = l.items();
      for (int i = 0; i < items.size(); i++) {
        Value u = firstUnknown(items.get(i));
        if (u != null) return u;
      }
    } else if (v instanceof Value.MapV m) {
      List<Value.MapV.Entry> entries = m.entries();
      for (int i = 0; i < entries.size(); i++) {
        Value u = firstUnknown(entries.get(i).value());
        if (u != null) return u;
      }
    }
    return null;
  }

  static boolean whollyKnown(Value v) {
    return firstUnknown(v) == null;
  }

  /** Signals when anything in {@code v} is unknown. */
  static void requireKnown(Value v) {
    Value u = firstUnknown(v);
    if (u != null) throw new FnNeed(u);
  }

  static void requireKnown(List<Value> vs) {
    for (Value v : vs) requireKnown(v);
  }

  /** Signals when {@code v} itself (not its elements) is unknown. */
  static void requireTop(Value v) {
    if (!v.isKnown()) throw new FnNeed(v);
  }

  // ---- conversions, as Terraform converts ----

  static String kind(Value v) {
    if (v instanceof Value.Str) return "a string";
    if (v instanceof Value.Num) return "a number";
    if (v instanceof Value.Bool) return "a bool";
    if (v instanceof Value.Null) return "null";
    if (v instanceof Value.ListV) return "a list";
    if (v instanceof Value.MapV) return "a map";
    return "an unknown value";
  }

  static boolean isScalar(Value v) {
    return v instanceof Value.Str || v instanceof Value.Num || v instanceof Value.Bool;
  }

  /** Terraform's number-to-string form: no exponent, no trailing zeros. */
  static String numText(BigDecimal d) {
    if (d.signum() == 0) return "0";
    BigDecimal s = d.stripTrailingZeros();
    // A number beyond any real configuration would make a plain string of unbounded length.
    if (Math.abs((long) s.scale()) > MAX_PLAIN_DIGITS) return s.toString();
    return s.toPlainString();
  }

  static final int MAX_PLAIN_DIGITS = 10_000;

  /** Signals a number too large (or too small) to compute with exactly. */
  static BigDecimal bounded(BigDecimal d, String what) {
    if (d.signum() != 0 && Math.abs((long) d.precision() - d.scale()) > MAX_PLAIN_DIGITS) {
      throw new FnError(what + " is out of range");
    }
    return d;
  }

  /** The string form of a known scalar, or null for anything else. */
  static String scalarText(Value v) {
    if (v instanceof Value.Str s) {
      if (s.textHasHoles()) throw new FnNeed(s.asUnknownText());
      return s.value();
    }
    if (v instanceof Value.Num n) return numText(n.value());
    if (v instanceof Value.Bool b) return Boolean.toString(b.value());
    return null;
  }

  static String str(Value v, String what) {
    requireTop(v);
    String t = scalarText(v);
    if (t != null) return t;
    if (v instanceof Value.Null) throw new FnError(what + " must not be null");
    throw new FnError(what + " must be a string, not " + kind(v));
  }

  /** Parses a number the way Terraform converts a string to a number, or null. */
  static BigDecimal parseNumber(String s) {
    if (s.isEmpty()) return null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  static BigDecimal num(Value v, String what) {
    requireTop(v);
    if (v instanceof Value.Num n) return n.value();
    if (v instanceof Value.Str s) {
      BigDecimal d = parseNumber(s.value());
      if (d != null) return d;
      throw new FnError(what + " must be a number, and \"" + s.value() + "\" is not");
    }
    if (v instanceof Value.Null) throw new FnError(what + " must not be null");
    throw new FnError(what + " must be a number, not " + kind(v));
  }

  static int integer(Value v, String what) {
    BigDecimal d = num(v, what);
    BigDecimal whole;
    try {
      whole = d.stripTrailingZeros();
      if (whole.scale() > 0) throw new FnError(what + " must be a whole number, not " + numText(d));
      return whole.intValueExact();
    } catch (ArithmeticException e) {
      throw new FnError(what + " is too large");
    }
  }

  static boolean bool(Value v, String what) {
    requireTop(v);
    if (v instanceof Value.Bool b) return b.value();
    if (v instanceof Value.Str s) {
      String t = s.value();
      if (t.equals("true") || t.equals("1")) return true;
      if (t.equals("false") || t.equals("0")) return false;
      throw new FnError(what + " must be a bool, and \"" + t + "\" is not");
    }
    if (v instanceof Value.Null) throw new FnError(what + " must not be null");
    throw new FnError(what + " must be a bool, not " + kind(v));
  }

  /** The items of a known list (tuple or set: all are lists here). */
  static List<Value> list(Value v, String what) {
    requireTop(v);
    if (v instanceof Value.ListV l) return l.items();
    if (v instanceof Value.Null) throw new FnError(what + " must not be null");
    throw new FnError(what + " must be a list, not " + kind(v));
  }

  /** The entries of a known map, each key once (the last one written wins, in first position). */
  static LinkedHashMap<String, Value.MapV.Entry> map(Value v, String what) {
    requireTop(v);
    if (v instanceof Value.MapV m) return entries(m);
    if (v instanceof Value.Null) throw new FnError(what + " must not be null");
    throw new FnError(what + " must be a map, not " + kind(v));
  }

  static LinkedHashMap<String, Value.MapV.Entry> entries(Value.MapV m) {
    List<Value.MapV.Entry> entries = m.entries();
    LinkedHashMap<String, Value.MapV.Entry> out = new LinkedHashMap<>(Math.max(16, entries.size() * 2));
    for (int i = 0; i < entries.size(); i++) out.put(entries.get(i).key(), entries.get(i));
    return out;
  }

  static List<Value.MapV.Entry> sortedEntries(Value.MapV m) {
    List<Value.MapV.Entry> es = new ArrayList<>(entries(m).values());
    es.sort((a, b) -> CODEPOINTS.compare(a.key(), b.key()));
    return es;
  }

  /**
   * Terraform's unification of a list's element types: scalars of different types become
   * strings; scalars mixed with collections, or lists mixed with maps, are an error.
   */
  static List<Value> unify(List<Value> items, String what) {
    Set<Class<?>> scalarKinds = new HashSet<>();
    boolean list = false;
    boolean map = false;
    for (Value v : items) {
      if (isScalar(v)) scalarKinds.add(v.getClass());
      else if (v instanceof Value.ListV) list = true;
      else if (v instanceof Value.MapV) map = true;
    }
    int kinds = (scalarKinds.isEmpty() ? 0 : 1) + (list ? 1 : 0) + (map ? 1 : 0);
    if (kinds > 1) throw new FnError("all elements of " + what + " must have the same type");
    if (scalarKinds.size() <= 1) return items;
    List<Value> out = new ArrayList<>(items.size());
    for (Value v : items) {
      if (v instanceof Value.Num || v instanceof Value.Bool) {
        out.add(new Value.Str(scalarText(v), v.location(), v.provenance()));
      } else {
        out.add(v);
      }
    }
    return out;
  }

  // ---- equality and order ----

  /** Equality of known values, as Terraform's {@code ==}: numbers by value, no conversion between types. */
  static boolean equal(Value a, Value b) {
    if (a instanceof Value.Null) return b instanceof Value.Null;
    if (a instanceof Value.Str x) return b instanceof Value.Str y && x.value().equals(y.value());
    if (a instanceof Value.Num x) return b instanceof Value.Num y && x.value().compareTo(y.value()) == 0;
    if (a instanceof Value.Bool x) return b instanceof Value.Bool y && x.value() == y.value();
    if (a instanceof Value.ListV x) {
      if (!(b instanceof Value.ListV y) || x.items().size() != y.items().size()) return false;
      for (int i = 0; i < x.items().size(); i++) {
        if (!equal(x.items().get(i), y.items().get(i))) return false;
      }
      return true;
    }
    if (a instanceof Value.MapV x) {
      if (!(b instanceof Value.MapV y)) return false;
      Map<String, Value.MapV.Entry> xe = entries(x);
      Map<String, Value.MapV.Entry> ye = entries(y);
      if (!xe.keySet().equals(ye.keySet())) return false;
      for (String k : xe.keySet()) {
        if (!equal(xe.get(k).value(), ye.get(k).value())) return false;
      }
      return true;
    }
    return false;
  }

  /**
   * A key for a wholly known value: two values have equal keys exactly when {@link #equal} holds,
   * so that sets and distinct elements are found by hashing rather than by comparing each element
   * with every other one.
   */
  static Object key(Value v) {
    if (v instanceof Value.Null) return NULL_KEY;
    if (v instanceof Value.Str s) return new StrKey(s.value());
    if (v instanceof Value.Num n) return new NumKey(n.value().signum() == 0 ? BigDecimal.ZERO : n.value().stripTrailingZeros());
    if (v instanceof Value.Bool b) return b.value() ? Boolean.TRUE : Boolean.FALSE;
    if (v instanceof Value.ListV l) {
      List<Object> items = new ArrayList<>(l.items().size());
      for (Value item : l.items()) items.add(key(item));
      return new ListKey(items);
    }
    if (v instanceof Value.MapV m) {
      Map<String, Object> entries = new HashMap<>();
      for (Map.Entry<String, Value.MapV.Entry> e : entries(m).entrySet()) entries.put(e.getKey(), key(e.getValue().value()));
      return new MapKey(entries);
    }
    // Unknown parts are never equal to anything: a key of their own.
    return new Object();
  }

  private static final Object NULL_KEY = new Object();

  private record StrKey(String value) {}

  private record NumKey(BigDecimal value) {}

  private record ListKey(List<Object> items) {}

  private record MapKey(Map<String, Object> entries) {}

  /** Equality that may meet unknowns: UNKNOWN when an unknown part could decide it. */
  static Truth equalTruth(Value a, Value b) {
    if (!whollyKnown(a) || !whollyKnown(b)) {
      if (a instanceof Value.ListV x && b instanceof Value.ListV y && x.items().size() != y.items().size()) {
        return Truth.FALSE;
      }
      return Truth.UNKNOWN;
    }
    return Truth.of(equal(a, b));
  }

  /** Order of strings by Unicode code point, which is the byte order Terraform (Go) sorts by. */
  static final Comparator<String> CODEPOINTS = (a, b) -> {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) return Integer.compare(ca, cb);
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  };

  /** Distinct elements in Terraform's set order: strings and numbers sorted, unknowns last. */
  static List<Value> asSet(List<Value> items, String what) {
    List<Value> unified = unify(items, what);
    Map<Object, Value> distinct = new LinkedHashMap<>();
    List<Value> unknown = new ArrayList<>();
    for (Value v : unified) {
      if (!whollyKnown(v)) {
        unknown.add(v);
        continue;
      }
      distinct.putIfAbsent(key(v), v);
    }
    List<Value> known = new ArrayList<>(distinct.values());
    if (!known.isEmpty() && known.stream().allMatch(v -> v instanceof Value.Str)) {
      known.sort((x, y) -> CODEPOINTS.compare(((Value.Str) x).value(), ((Value.Str) y).value()));
    } else if (!known.isEmpty() && known.stream().allMatch(v -> v instanceof Value.Num)) {
      known.sort((x, y) -> ((Value.Num) x).value().compareTo(((Value.Num) y).value()));
    } else if (!known.isEmpty() && known.stream().allMatch(v -> v instanceof Value.Bool)) {
      known.sort((x, y) -> Boolean.compare(((Value.Bool) x).value(), ((Value.Bool) y).value()));
    }
    List<Value> out = new ArrayList<>(known);
    out.addAll(unknown);
    return out;
  }

  // ---- text ----

  /** How many user-perceived characters (grapheme clusters) a string has, counted without making them. */
  static int graphemeCount(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFC);
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(n);
    int count = 0;
    it.first();
    while (it.next() != BreakIterator.DONE) count++;
    return count;
  }

  /** The user-perceived characters (grapheme clusters) of a string, as Terraform counts them. */
  static Graphemes graphemes(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFC);
    BreakIterator it = BreakIterator.getCharacterInstance(Locale.ROOT);
    it.setText(n);
    // At most one boundary per character, and one at the end.
    int[] bounds = new int[n.length() + 1];
    int size = 0;
    for (int b = it.first(); b != BreakIterator.DONE; b = it.next()) bounds[size++] = b;
    return new Graphemes(n, bounds, Math.max(0, size - 1));
  }

  /**
   * The grapheme clusters of a (normalized) text, kept as their boundaries: a string of sixteen
   * million characters is not sixteen million strings.
   */
  static final class Graphemes extends AbstractList<String> {
    private final String text;
    private final int[] bounds;
    private final int size;

    private Graphemes(String text, int[] bounds, int size) {
      this.text = text;
      this.bounds = bounds;
      this.size = size;
    }

    @Override
    public String get(int index) {
      return text.substring(bounds[index], bounds[index + 1]);
    }

    @Override
    public int size() {
      return size;
    }

    /** The text of clusters {@code from} (inclusive) to {@code to} (exclusive). */
    String text(int from, int to) {
      return from >= to ? "" : text.substring(bounds[from], bounds[to]);
    }
  }

  /** Go's unicode.IsSpace. */
  static boolean isGoSpace(int cp) {
    switch (cp) {
      case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0:
        return true;
      default:
        return cp > 0xFF && Character.isSpaceChar(cp);
    }
  }
}
