package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.graphemes;
import static dev.iamlint.terraform.functions.FnSupport.integer;
import static dev.iamlint.terraform.functions.FnSupport.isGoSpace;
import static dev.iamlint.terraform.functions.FnSupport.mkBool;
import static dev.iamlint.terraform.functions.FnSupport.mkList;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.str;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.terraform.functions.FnSupport.FnNeed;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/** String functions. */
final class FnStrings {
  private FnStrings() {}

  private static final char HOLE = Value.Unknown.HOLE;

  static void into(Map<String, TfFunction> m) {
    m.put("join", define("join", 2, FnSupport.VARIADIC, FnStrings::join));
    m.put("split", define("split", 2, 2, (a, at, f) -> {
      String sep = str(a.get(0), "the separator");
      String s = str(a.get(1), "the string");
      List<String> parts = split(s, sep);
      List<Value> out = new ArrayList<>();
      for (String part : parts) out.add(mkStr(part, at));
      return mkList(out, at);
    }));
    m.put("lower", define("lower", 1, 1, (a, at, f) -> mapCodePoints("lower", a.get(0), Character::toLowerCase, at)));
    m.put("upper", define("upper", 1, 1, (a, at, f) -> mapCodePoints("upper", a.get(0), Character::toUpperCase, at)));
    m.put("title", define("title", 1, 1, (a, at, f) -> mkStr(title(str(a.get(0), "the string")), at)));
    m.put("trimprefix", define("trimprefix", 2, 2, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      String p = str(a.get(1), "the prefix");
      return mkStr(s.startsWith(p) ? s.substring(p.length()) : s, at);
    }));
    m.put("trimsuffix", define("trimsuffix", 2, 2, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      String p = str(a.get(1), "the suffix");
      return mkStr(s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s, at);
    }));
    m.put("trimspace", define("trimspace", 1, 1, (a, at, f) -> {
      if (renderedDocument(a.get(0))) return a.get(0);
      String s = str(a.get(0), "the string");
      return mkStr(trim(s, FnSupport::isGoSpace), at);
    }));
    m.put("trim", define("trim", 2, 2, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      String cut = str(a.get(1), "the characters to trim");
      return mkStr(trim(s, cp -> cut.indexOf(new String(Character.toChars(cp))) >= 0), at);
    }));
    m.put("substr", define("substr", 3, 3, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      int offset = integer(a.get(1), "the offset");
      int length = integer(a.get(2), "the length");
      return mkStr(substr(s, offset, length), at);
    }));
    m.put("startswith", define("startswith", 2, 2, (a, at, f) -> affix("startswith", a, at, true)));
    m.put("endswith", define("endswith", 2, 2, (a, at, f) -> affix("endswith", a, at, false)));
    m.put("strcontains", define("strcontains", 2, 2, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      return mkBool(s.contains(str(a.get(1), "the substring")), at);
    }));
    m.put("chomp", define("chomp", 1, 1, (a, at, f) -> {
      if (renderedDocument(a.get(0))) return a.get(0);
      String s = str(a.get(0), "the string");
      int end = s.length();
      while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) end--;
      return mkStr(s.substring(0, end), at);
    }));
    m.put("indent", define("indent", 2, 2, (a, at, f) -> {
      int n = integer(a.get(0), "the number of spaces");
      if (n < 0 || n > 10_000) throw new FnError("the number of spaces must be between 0 and 10000");
      String s = str(a.get(1), "the string");
      Budget.characters(s.length() + (long) n * s.chars().filter(c -> c == '\n').count());
      return mkStr(s.replace("\n", "\n" + " ".repeat(n)), at);
    }));
    m.put("strrev", define("strrev", 1, 1, (a, at, f) -> {
      FnSupport.Graphemes g = graphemes(str(a.get(0), "the string"));
      StringBuilder reversed = new StringBuilder();
      for (int k = g.size() - 1; k >= 0; k--) reversed.append(g.text(k, k + 1));
      return mkStr(reversed.toString(), at);
    }));
  }

  private static Value join(List<Value> a, Location at, FileAccess files) {
    String sep = str(a.get(0), "the separator");
    // One string joined is that string, the idiom of resources with a count (join("", x.*.name)):
    // a rendered document stays a document, and a name not known stays the name of its resource.
    // Joined with nothing, empty strings add nothing (join("", concat(x.*.json, [""]))).
    if (a.size() == 2 && a.get(1) instanceof Value.ListV l) {
      List<Value> items = sep.isEmpty() ? l.items().stream().filter(i -> !FnSupport.emptyString(i)).toList() : l.items();
      if (items.size() == 1 && (items.get(0) instanceof Value.Str || items.get(0) instanceof Value.Unknown)) {
        return items.get(0);
      }
    }
    // Items standing for instances whose number is not known: neither the count of separators
    // nor the order of the parts is known (join(",", concat(a[*].json, b[*].json)) is one document
    // when the counts are complementary).
    int count = 0;
    Value unknownNumber = null;
    for (int k = 1; k < a.size(); k++) {
      count += FnSupport.list(a.get(k), "argument " + (k + 1)).size();
      if (unknownNumber == null) unknownNumber = InstanceMarks.unknownNumber(a.get(k), at).orElse(null);
    }
    if (unknownNumber != null && count > 1) throw new FnNeed(unknownNumber);
    StringBuilder sb = new StringBuilder();
    Value firstUnknown = null;
    int n = 0;
    for (int k = 1; k < a.size(); k++) {
      for (Value item : FnSupport.list(a.get(k), "argument " + (k + 1))) {
        if (n++ > 0) sb.append(sep);
        // A long separator between many items: checked as it grows.
        Budget.characters(sb.length());
        if (!item.isKnown()) {
          if (firstUnknown == null) firstUnknown = item;
          sb.append(partialOf(item));
        } else if (item instanceof Value.Null) {
          throw new FnError("element " + (n - 1) + " is null; cannot concatenate null values");
        } else {
          sb.append(str(item, "element " + (n - 1)));
        }
        Budget.characters(sb.length());
      }
    }
    if (firstUnknown != null) {
      return FnSupport.unknownFrom("join", firstUnknown, at, Provenance.LITERAL, Optional.of(sb.toString()));
    }
    return mkStr(sb.toString(), at);
  }

  /**
   * A JSON document rendered by the provider whose text is not all known ({@link
   * Value.Str#textHasHoles}): it has no white space around it, so trimming leaves it as it is.
   */
  private static boolean renderedDocument(Value v) {
    return v instanceof Value.Str s && s.textHasHoles();
  }

  /** The known text of an unknown string with holes, or a single hole. */
  static String partialOf(Value v) {
    if (v instanceof Value.Unknown u && u.partial().isPresent()) return u.partial().get();
    return String.valueOf(HOLE);
  }

  /** Go's strings.Split: an empty separator splits into characters (code points). */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      Budget.elements(s.codePointCount(0, s.length()), "a list");
      s.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
      return out;
    }
    int from = 0;
    while (true) {
      int k = s.indexOf(sep, from);
      if (k < 0) break;
      Budget.elements(out.size() + 2L, "a list");
      out.add(s.substring(from, k));
      from = k + sep.length();
    }
    out.add(s.substring(from));
    return out;
  }

  /** lower/upper rune by rune, as Go does; the known text of a partly unknown string is mapped too. */
  private static Value mapCodePoints(String fn, Value v, IntUnaryOperator op, Location at) {
    if (v instanceof Value.Unknown u && u.partial().isPresent()) {
      return FnSupport.unknownFrom(fn, u, at, Provenance.LITERAL, Optional.of(mapCodePoints(u.partial().get(), op)));
    }
    return mkStr(mapCodePoints(str(v, "the string"), op), at);
  }

  private static String mapCodePoints(String s, IntUnaryOperator op) {
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> sb.appendCodePoint(cp == HOLE ? cp : op.applyAsInt(cp)));
    return sb.toString();
  }

  /** Go's strings.Title. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    int prev = ' ';
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      sb.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(cp) : cp);
      prev = cp;
    }
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7F) {
      return !((r >= '0' && r <= '9') || (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) return false;
    return isGoSpace(r);
  }

  private static String trim(String s, IntPredicate cut) {
    int start = 0;
    int end = s.length();
    while (start < end) {
      int cp = s.codePointAt(start);
      if (!cut.test(cp)) break;
      start += Character.charCount(cp);
    }
    while (end > start) {
      int cp = s.codePointBefore(end);
      if (!cut.test(cp)) break;
      end -= Character.charCount(cp);
    }
    return s.substring(start, end);
  }

  /** Terraform's substr: characters, a negative offset counts from the end, a negative length takes the rest. */
  static String substr(String s, int offset, int length) {
    FnSupport.Graphemes g = graphemes(s);
    if (offset < 0) offset = Math.max(0, offset + g.size());
    if (offset >= g.size() || length == 0) return "";
    int end = length < 0 ? g.size() : (int) Math.min((long) offset + length, g.size());
    return g.text(offset, end);
  }

  /** startswith/endswith; a partly known string can still decide. */
  private static Value affix(String fn, List<Value> a, Location at, boolean start) {
    String affix = str(a.get(1), start ? "the prefix" : "the suffix");
    Value v = a.get(0);
    if (v instanceof Value.Unknown u && u.partial().isPresent()) {
      String p = u.partial().get();
      int hole = start ? p.indexOf(HOLE) : p.lastIndexOf(HOLE);
      String known = hole < 0 ? p : start ? p.substring(0, hole) : p.substring(hole + 1);
      if (start) {
        if (known.startsWith(affix)) return mkBool(true, at);
        if (!affix.startsWith(known)) return mkBool(false, at);
      } else {
        if (known.endsWith(affix)) return mkBool(true, at);
        if (!affix.endsWith(known)) return mkBool(false, at);
      }
      throw new FnSupport.FnNeed(u);
    }
    String s = str(v, "the string");
    return mkBool(start ? s.startsWith(affix) : s.endsWith(affix), at);
  }
}
