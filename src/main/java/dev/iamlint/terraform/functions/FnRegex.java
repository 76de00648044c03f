package dev.iamlint.terraform.functions;

import static dev.iamlint.terraform.functions.FnSupport.define;
import static dev.iamlint.terraform.functions.FnSupport.mkList;
import static dev.iamlint.terraform.functions.FnSupport.mkMap;
import static dev.iamlint.terraform.functions.FnSupport.mkNull;
import static dev.iamlint.terraform.functions.FnSupport.mkStr;
import static dev.iamlint.terraform.functions.FnSupport.str;

import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.FnSupport.FnError;
import dev.iamlint.value.Budget;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * regex, regexall and replace. Terraform's patterns are RE2 (Go's regexp); they are translated to
 * java.util.regex where the two differ in meaning ({@code $}, {@code \s}, {@code \v}, named groups,
 * {@code [} inside a class, a literal {@code {}), and constructs RE2 rejects are rejected.
 */
final class FnRegex {
  private FnRegex() {}

  static void into(Map<String, TfFunction> m) {
    m.put("regex", define("regex", 2, 2, (a, at, f) -> {
      Compiled c = compile(str(a.get(0), "the pattern"));
      String s = str(a.get(1), "the string");
      c.shape();
      Matcher mt = c.pattern.matcher(new Subject(s));
      if (!mt.find()) throw new FnError("the pattern did not match any part of the given string");
      return c.result(mt, at);
    }));
    m.put("regexall", define("regexall", 2, 2, (a, at, f) -> {
      Compiled c = compile(str(a.get(0), "the pattern"));
      String s = str(a.get(1), "the string");
      c.shape();
      List<Value> out = new ArrayList<>();
      for (MatchResult r : findAll(c.pattern, s)) out.add(c.result(r, at));
      return mkList(out, at);
    }));
    m.put("replace", define("replace", 3, 3, (a, at, f) -> {
      String s = str(a.get(0), "the string");
      String sub = str(a.get(1), "the substring");
      String repl = str(a.get(2), "the replacement");
      if (sub.length() > 1 && sub.startsWith("/") && sub.endsWith("/")) {
        return mkStr(replaceAll(compile(sub.substring(1, sub.length() - 1)), s, repl), at);
      }
      // Sized first: a long replacement of a frequent substring multiplies the text.
      long count = sub.isEmpty() ? s.codePointCount(0, s.length()) + 1L : occurrences(s, sub);
      Budget.characters(s.length() + count * (repl.length() - sub.length()));
      return mkStr(s.replace(sub, repl), at);
    }));
  }

  private static long occurrences(String s, String sub) {
    long n = 0;
    for (int k = s.indexOf(sub); k >= 0; k = s.indexOf(sub, k + sub.length())) n++;
    return n;
  }

  /**
   * The text a pattern is matched against, counting what the matcher reads: Java's matcher
   * backtracks where Terraform's (RE2) does not, and {@code (a+)+$} on forty a's takes 2^40 steps.
   * A match may read each character many times, but not more than {@link #READS_PER_CHARACTER}
   * times on average (with {@link #READS} to spare for short texts).
   */
  static final class Subject implements CharSequence {
    static final long READS = 10_000_000;
    static final long READS_PER_CHARACTER = 100;

    private final String s;
    private final long limit;
    private long reads;

    Subject(String s) {
      this.s = s;
      this.limit = READS + READS_PER_CHARACTER * s.length();
    }

    @Override
    public char charAt(int index) {
      if (++reads > limit) Budget.matching(limit);
      return s.charAt(index);
    }

    @Override
    public int length() {
      return s.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return s.substring(start, end);
    }

    @Override
    public String toString() {
      return s;
    }
  }

  /** A translated pattern; {@code names.get(k)} is the name of group k+1, or null. */
  record Compiled(Pattern pattern, List<String> names) {
    /** Checks Terraform's rule that named and unnamed groups do not mix. */
    void shape() {
      boolean named = names.stream().anyMatch(n -> n != null);
      boolean unnamed = names.stream().anyMatch(n -> n == null);
      if (named && unnamed) throw new FnError("invalid pattern: cannot mix both named and unnamed capture groups");
    }

    Value result(MatchResult m, Location at) {
      if (names.isEmpty()) return mkStr(m.group(), at);
      boolean named = names.get(0) != null;
      if (!named) {
        List<Value> groups = new ArrayList<>();
        for (int k = 1; k <= names.size(); k++) {
          groups.add(m.group(k) == null ? mkNull(at) : mkStr(m.group(k), at));
        }
        return mkList(groups, at);
      }
      List<Value.MapV.Entry> entries = new ArrayList<>();
      for (int k = 1; k <= names.size(); k++) {
        Value v = m.group(k) == null ? mkNull(at) : mkStr(m.group(k), at);
        entries.add(new Value.MapV.Entry(names.get(k - 1), at, v));
      }
      return mkMap(entries, at);
    }
  }

  private static final Pattern REPETITION = Pattern.compile("\\{[0-9]+(,[0-9]*)?}");
  private static final Pattern MULTILINE = Pattern.compile("\\(\\?[a-zA-Z]*m[a-zA-Z-]*[:)]");

  static Compiled compile(String re) {
    StringBuilder out = new StringBuilder();
    List<String> names = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    boolean multiline = MULTILINE.matcher(re).find();
    boolean inClass = false;
    boolean classStart = false;
    int i = 0;
    while (i < re.length()) {
      char c = re.charAt(i);
      if (c == '\\') {
        if (i + 1 >= re.length()) throw new FnError("invalid pattern: trailing backslash at end of expression");
        char n = re.charAt(i + 1);
        classStart = false;
        if (n == 'Q') {
          int end = re.indexOf("\\E", i + 2);
          String lit = end < 0 ? re.substring(i + 2) : re.substring(i + 2, end);
          out.append(inClass ? escapeInClass(lit) : Pattern.quote(lit));
          i = end < 0 ? re.length() : end + 2;
          continue;
        }
        if (n == 's') {
          out.append(inClass ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]");
        } else if (n == 'S' && !inClass) {
          out.append("[^\\t\\n\\f\\r ]");
        } else if (n == 'v') {
          out.append("\\x0B");
        } else if ((n == 'p' || n == 'P') && re.startsWith("{", i + 2) && re.indexOf('}', i + 3) > 0) {
          int close = re.indexOf('}', i + 3);
          String name = re.substring(i + 3, close);
          boolean negated = name.startsWith("^");
          char p = negated ? (n == 'p' ? 'P' : 'p') : n;
          out.append('\\').append(p).append('{').append(unicodeClass(negated ? name.substring(1) : name)).append('}');
          i = close + 1;
          continue;
        } else if (n == 'Z' || n == 'G' || n == 'R' || n == 'X' || n == 'h' || n == 'H' || n == 'V' || n == 'k'
            || n == 'K' || (n >= '1' && n <= '9')) {
          throw new FnError("invalid pattern: invalid escape sequence \\" + n);
        } else {
          out.append(c).append(n);
        }
        i += 2;
        continue;
      }
      if (inClass) {
        if (c == ']' && !classStart) {
          inClass = false;
          out.append(']');
        } else if (c == '[' && re.startsWith("[:", i)) {
          int end = re.indexOf(":]", i + 2);
          if (end < 0) throw new FnError("invalid pattern: missing closing ]");
          out.append(posixClass(re.substring(i + 2, end)));
          i = end + 2;
          classStart = false;
          continue;
        } else if (c == '[' || c == ']' || c == '&') {
          out.append('\\').append(c);
        } else {
          out.append(c);
        }
        classStart = false;
        i++;
        continue;
      }
      switch (c) {
        case '[':
          inClass = true;
          classStart = true;
          out.append('[');
          if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
            out.append('^');
            i++;
          }
          i++;
          continue;
        case '(':
          i = group(re, i, out, names, seen);
          continue;
        case '$':
          out.append(multiline ? "$" : "\\z");
          break;
        case '{': {
          Matcher r = REPETITION.matcher(re).region(i, re.length());
          if (r.lookingAt() && i > 0) {
            out.append(r.group());
            i = r.end();
            continue;
          }
          out.append("\\{");
          break;
        }
        case '}':
          out.append("\\}");
          break;
        default:
          out.append(c);
      }
      i++;
    }
    if (inClass) throw new FnError("invalid pattern: missing closing ]");
    try {
      return new Compiled(Pattern.compile(out.toString(), Pattern.UNIX_LINES | Pattern.UNICODE_CASE), names);
    } catch (PatternSyntaxException e) {
      throw new FnError("invalid pattern: " + e.getDescription());
    } catch (StackOverflowError e) {
      throw new FnError("invalid pattern: too complex");
    }
  }

  private static int group(String re, int i, StringBuilder out, List<String> names, Set<String> seen) {
    if (!re.startsWith("(?", i)) {
      names.add(null);
      out.append('(');
      return i + 1;
    }
    if (re.startsWith("(?P<", i) || (re.startsWith("(?<", i) && !re.startsWith("(?<=", i) && !re.startsWith("(?<!", i))) {
      int nameStart = re.indexOf('<', i) + 1;
      int close = re.indexOf('>', nameStart);
      String name = close < 0 ? "" : re.substring(nameStart, close);
      if (!name.matches("[A-Za-z0-9_]+")) throw new FnError("invalid pattern: invalid named capture");
      if (!seen.add(name)) throw new FnError("invalid pattern: duplicate capture group name " + name);
      names.add(name);
      out.append('(');
      return close + 1;
    }
    int k = i + 2;
    while (k < re.length() && "imsU-".indexOf(re.charAt(k)) >= 0) k++;
    if (k > i + 2 && k < re.length() && (re.charAt(k) == ')' || re.charAt(k) == ':')) {
      String flags = re.substring(i + 2, k);
      if (flags.indexOf('U') >= 0) throw new FnError("invalid pattern: the ungreedy flag U is not supported here");
      out.append(re, i, k + 1);
      return k + 1;
    }
    if (re.startsWith("(?:", i)) {
      out.append("(?:");
      return i + 3;
    }
    throw new FnError("invalid pattern: invalid or unsupported Perl syntax");
  }

  /** RE2 names scripts bare ({@code \\p{Greek}}); Java wants {@code IsGreek}. */
  private static String unicodeClass(String name) {
    if (name.length() > 2) {
      try {
        Character.UnicodeScript.forName(name);
        return "Is" + name;
      } catch (IllegalArgumentException e) {
        throw new FnError("invalid pattern: invalid character class range \\p{" + name + "}");
      }
    }
    return name;
  }

  private static String posixClass(String name) {
    switch (name) {
      case "alnum": return "\\p{Alnum}";
      case "alpha": return "\\p{Alpha}";
      case "ascii": return "\\x00-\\x7F";
      case "blank": return "\\t ";
      case "cntrl": return "\\p{Cntrl}";
      case "digit": return "0-9";
      case "graph": return "\\p{Graph}";
      case "lower": return "a-z";
      case "print": return "\\p{Print}";
      case "punct": return "\\p{Punct}";
      case "space": return "\\t\\n\\x0B\\f\\r ";
      case "upper": return "A-Z";
      case "word": return "\\w";
      case "xdigit": return "0-9A-Fa-f";
      default: throw new FnError("invalid pattern: invalid character class range [:" + name + ":]");
    }
  }

  private static String escapeInClass(String lit) {
    StringBuilder sb = new StringBuilder();
    for (char ch : lit.toCharArray()) {
      if (!Character.isLetterOrDigit(ch)) sb.append('\\');
      sb.append(ch);
    }
    return sb.toString();
  }

  /** Go's FindAll: successive non-overlapping matches, no empty match right after a match. */
  static List<MatchResult> findAll(Pattern p, String s) {
    List<MatchResult> out = new ArrayList<>();
    Matcher m = p.matcher(new Subject(s));
    int pos = 0;
    int prevEnd = -1;
    while (pos <= s.length() && m.find(pos)) {
      boolean accept = true;
      if (m.end() == pos) {
        if (m.start() == prevEnd) accept = false;
        pos += pos < s.length() ? Character.charCount(s.codePointAt(pos)) : 1;
      } else {
        pos = m.end();
      }
      prevEnd = m.end();
      if (accept) out.add(m.toMatchResult());
      Budget.elements(out.size(), "a list");
    }
    return out;
  }

  /** Go's ReplaceAllString, with its $name / ${name} expansion. */
  static String replaceAll(Compiled c, String s, String template) {
    StringBuilder out = new StringBuilder();
    Matcher m = c.pattern.matcher(new Subject(s));
    int lastEnd = 0;
    int searchPos = 0;
    while (searchPos <= s.length() && m.find(searchPos)) {
      out.append(s, lastEnd, m.start());
      if (m.end() > lastEnd || m.start() == 0) expand(c, m, template, out);
      Budget.characters(out.length());
      lastEnd = m.end();
      int width = searchPos < s.length() ? Character.charCount(s.codePointAt(searchPos)) : 1;
      searchPos = searchPos + width > m.end() ? searchPos + width : m.end();
    }
    out.append(s, Math.min(lastEnd, s.length()), s.length());
    return out.toString();
  }

  private static void expand(Compiled c, MatchResult m, String t, StringBuilder out) {
    int i = 0;
    while (i < t.length()) {
      char ch = t.charAt(i);
      if (ch != '$' || i + 1 >= t.length()) {
        out.append(ch);
        i++;
        continue;
      }
      if (t.charAt(i + 1) == '$') {
        out.append('$');
        i += 2;
        continue;
      }
      String name;
      int after;
      if (t.charAt(i + 1) == '{') {
        int close = t.indexOf('}', i + 2);
        name = close < 0 ? "" : t.substring(i + 2, close);
        after = close + 1;
        if (!name.matches("[A-Za-z0-9_]+")) name = "";
      } else {
        int k = i + 1;
        while (k < t.length() && (Character.isLetterOrDigit(t.charAt(k)) && t.charAt(k) < 128 || t.charAt(k) == '_')) k++;
        name = t.substring(i + 1, k);
        after = k;
      }
      if (name.isEmpty()) {
        out.append('$');
        i++;
        continue;
      }
      int group = -1;
      if (name.matches("[0-9]{1,8}")) {
        group = Integer.parseInt(name);
      } else {
        group = c.names().indexOf(name) + 1;
        if (group == 0) group = -1;
      }
      if (group >= 0 && group <= m.groupCount() && m.group(group) != null) out.append(m.group(group));
      i = after;
    }
  }
}
