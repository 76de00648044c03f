package dev.iamlint.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The patterns of one ignore file ({@code .gitignore}, {@code .git/info/exclude}) with git's
 * semantics (gitignore(5)), matched without git. A pattern without a slash (a trailing one aside)
 * matches a name at any depth below the file's directory; a slash at the start or in the middle
 * anchors it to that directory; a trailing slash matches directories only; {@code **} as a whole
 * segment matches any number of directories ({@code a/**}: everything inside {@code a}); the
 * last matching pattern decides, and {@code !} re-includes. That nothing inside an excluded
 * directory can be re-included is the walk's part: it never enters one.
 *
 * <p>A hostile file must not hang a scan: patterns are compiled to segment globs matched by
 * greedy backtracking to the last star (time bounded by the product of pattern and name
 * lengths, never exponential), runs of stars collapse, impossible lengths are rejected before
 * matching, literal names and paths are looked up by hash, and the walk reads no file larger
 * than {@link #MAX_BYTES}.
 */
final class IgnoreFile {

  /** Larger ignore files are not read: no project writes a mebibyte of patterns. */
  static final int MAX_BYTES = 1024 * 1024;

  enum Verdict { IGNORED, INCLUDED, UNDECIDED }

  private final List<Rule> rules;
  /** Rules that are a literal name (no wildcard), by that name: indices in file order. */
  private final Map<String, List<Integer>> byName = new HashMap<>();
  /** Anchored rules without wildcard, by their '/'-joined path: indices in file order. */
  private final Map<String, List<Integer>> byPath = new HashMap<>();
  /** Every other rule's index, in file order. */
  private final int[] others;

  private IgnoreFile(List<Rule> rules) {
    this.rules = rules;
    List<Integer> rest = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      Rule r = rules.get(i);
      if (r.shape() instanceof Basename b && b.glob().literal() != null) {
        byName.computeIfAbsent(b.glob().literal(), k -> new ArrayList<>()).add(i);
      } else if (r.shape() instanceof Anchored a && a.literal() != null) {
        byPath.computeIfAbsent(a.literal(), k -> new ArrayList<>()).add(i);
      } else if (!(r.shape() instanceof Never)) {
        rest.add(i);
      }
    }
    others = rest.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Parses the text of an ignore file, line by line as git does. */
  static IgnoreFile parse(String text) {
    List<Rule> rules = new ArrayList<>();
    int start = text.startsWith("\uFEFF") ? 1 : 0;
    while (start <= text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = text.length();
      String line = text.substring(start, end);
      if (line.endsWith("\r")) line = line.substring(0, line.length() - 1);
      start = end + 1;
      if (line.isEmpty() || line.charAt(0) == '#') continue;
      Rule rule = Rule.of(trimTrailingSpaces(line));
      if (rule != null) rules.add(rule);
    }
    return new IgnoreFile(List.copyOf(rules));
  }

  /** Git's rule: trailing spaces go unless the first of them is escaped with a backslash. */
  static String trimTrailingSpaces(String line) {
    int lastSpace = -1;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == ' ') {
        if (lastSpace < 0) lastSpace = i;
      } else if (c == '\\') {
        i++;
        if (i >= line.length()) return line;
        lastSpace = -1;
      } else {
        lastSpace = -1;
      }
    }
    return lastSpace < 0 ? line : line.substring(0, lastSpace);
  }

  boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * The verdict of the last pattern matching the path {@code segments[from..]}, relative to this
   * file's directory; {@code directory} says whether the path is a directory.
   */
  Verdict match(String[] segments, int from, boolean directory) {
    if (rules.isEmpty() || from >= segments.length) return Verdict.UNDECIDED;
    int best = lastApplying(byName.get(segments[segments.length - 1]), directory);
    if (!byPath.isEmpty()) {
      StringBuilder path = new StringBuilder(segments[from]);
      for (int i = from + 1; i < segments.length; i++) path.append('/').append(segments[i]);
      best = Math.max(best, lastApplying(byPath.get(path.toString()), directory));
    }
    Set<String> names = null;
    for (int k = others.length - 1; k >= 0 && others[k] > best; k--) {
      Rule rule = rules.get(others[k]);
      if (rule.shape() instanceof Anchored a && a.required().length > 0) {
        // The names a pattern spells out must all be in the path: a hash lookup rules most out.
        if (names == null) names = new HashSet<>(Arrays.asList(segments).subList(from, segments.length));
        if (!names.containsAll(Arrays.asList(a.required()))) continue;
      }
      if (rule.matches(segments, from, directory)) {
        best = others[k];
        break;
      }
    }
    if (best < 0) return Verdict.UNDECIDED;
    return rules.get(best).negated() ? Verdict.INCLUDED : Verdict.IGNORED;
  }

  private int lastApplying(List<Integer> indices, boolean directory) {
    if (indices == null) return -1;
    for (int k = indices.size() - 1; k >= 0; k--) {
      if (directory || !rules.get(indices.get(k)).directoryOnly()) return indices.get(k);
    }
    return -1;
  }

  /** One pattern line. */
  private record Rule(boolean negated, boolean directoryOnly, Shape shape) {

    /** The rule of a line (comments and blank lines already left out), or null when it has none. */
    static Rule of(String line) {
      String p = line;
      boolean negated = false;
      if (p.startsWith("!")) {
        negated = true;
        p = p.substring(1);
      }
      boolean directoryOnly = false;
      if (p.endsWith("/")) {
        directoryOnly = true;
        p = p.substring(0, p.length() - 1);
      }
      if (p.isEmpty()) return null;
      List<List<Token>> segments = Token.split(p);
      Shape shape;
      if (segments == null) {
        shape = new Never();
      } else if (segments.size() == 1) {
        shape = new Basename(new SegmentGlob(segments.get(0)));
      } else {
        // A leading slash only anchors: the first segment is then empty.
        if (segments.get(0).isEmpty()) segments = segments.subList(1, segments.size());
        shape = Anchored.of(segments);
      }
      return new Rule(negated, directoryOnly, shape);
    }

    boolean matches(String[] segments, int from, boolean directory) {
      if (directoryOnly && !directory) return false;
      if (shape instanceof Basename b) return b.glob().matches(segments[segments.length - 1]);
      return shape instanceof Anchored a && a.matches(segments, from);
    }
  }

  private sealed interface Shape permits Basename, Anchored, Never {}

  /** A pattern without a slash: matched against the last name only, at any depth. */
  private record Basename(SegmentGlob glob) implements Shape {}

  /** A pattern that can never match (an unterminated class, a trailing backslash). */
  private record Never() implements Shape {}

  /**
   * A pattern with a slash: matched segment by segment against the path relative to the file's
   * directory. A null part is {@code **}: any number of segments.
   */
  private record Anchored(SegmentGlob[] parts, int fixed, boolean anyDepth, String literal, String[] required)
      implements Shape {

    static Anchored of(List<List<Token>> segments) {
      List<SegmentGlob> parts = new ArrayList<>();
      for (int i = 0; i < segments.size(); i++) {
        List<Token> s = segments.get(i);
        boolean doubleStar = s.size() == 1 && s.get(0) instanceof Token.Star star && star.doubled();
        if (!doubleStar) {
          parts.add(new SegmentGlob(s));
        } else if (i == segments.size() - 1) {
          // A trailing "/**" matches what is inside, not the directory itself: one segment at least.
          parts.add(SegmentGlob.ANY);
          parts.add(null);
        } else if (parts.isEmpty() || parts.get(parts.size() - 1) != null) {
          parts.add(null);
        }
      }
      int fixed = 0;
      boolean anyDepth = false;
      StringBuilder literal = new StringBuilder();
      List<String> required = new ArrayList<>();
      for (SegmentGlob g : parts) {
        if (g == null) {
          anyDepth = true;
          literal = null;
          continue;
        }
        fixed++;
        if (g.literal() != null) required.add(g.literal());
        if (literal != null) {
          if (g.literal() == null) {
            literal = null;
          } else {
            if (literal.length() > 0) literal.append('/');
            literal.append(g.literal());
          }
        }
      }
      return new Anchored(parts.toArray(new SegmentGlob[0]), fixed, anyDepth, literal == null ? null : literal.toString(),
          required.toArray(new String[0]));
    }

    /** Greedy matching with backtracking to the last {@code **}: at most parts × segments steps. */
    boolean matches(String[] segments, int from) {
      int count = segments.length - from;
      if (fixed > count || (!anyDepth && fixed != count)) return false;
      // A fixed part at either end meets the segment at that end: a cheap first test.
      if (parts[0] != null && !parts[0].matches(segments[from])) return false;
      SegmentGlob last = parts[parts.length - 1];
      if (last != null && !last.matches(segments[segments.length - 1])) return false;
      int p = 0;
      int t = from;
      int starP = -1;
      int starT = -1;
      while (t < segments.length) {
        if (p < parts.length && parts[p] != null && parts[p].matches(segments[t])) {
          p++;
          t++;
        } else if (p < parts.length && parts[p] == null) {
          starP = p++;
          starT = t;
        } else if (starP >= 0) {
          p = starP + 1;
          t = ++starT;
        } else {
          return false;
        }
      }
      while (p < parts.length && parts[p] == null) p++;
      return p == parts.length;
    }
  }

  /** A glob over one name: never matches across a slash. */
  private static final class SegmentGlob {
    static final SegmentGlob ANY = new SegmentGlob(List.of(new Token.Star(false)));

    private final Token[] tokens;
    private final int fixed;
    private final boolean starred;
    private final String literal;
    /** The literal text before the first wildcard and after the last: every match has them. */
    private final String prefix;
    private final String suffix;

    SegmentGlob(List<Token> tokens) {
      this.tokens = tokens.toArray(new Token[0]);
      int fixedCount = 0;
      boolean star = false;
      StringBuilder lit = new StringBuilder();
      for (Token t : tokens) {
        if (t instanceof Token.Star) {
          star = true;
        } else {
          fixedCount++;
        }
        if (lit != null) {
          if (t instanceof Token.Literal l) lit.append(l.c());
          else lit = null;
        }
      }
      this.fixed = fixedCount;
      this.starred = star;
      this.literal = lit == null ? null : lit.toString();
      StringBuilder before = new StringBuilder();
      for (int i = 0; i < tokens.size() && tokens.get(i) instanceof Token.Literal l; i++) before.append(l.c());
      StringBuilder after = new StringBuilder();
      for (int i = tokens.size() - 1; i >= 0 && tokens.get(i) instanceof Token.Literal l; i--) after.append(l.c());
      this.prefix = before.toString();
      this.suffix = after.reverse().toString();
    }

    /** The name it stands for when it has no wildcard, else null. */
    String literal() {
      return literal;
    }

    boolean matches(String name) {
      int n = name.length();
      if (fixed > n || (!starred && fixed != n)) return false;
      if (literal != null) return literal.equals(name);
      if (!name.startsWith(prefix) || !name.endsWith(suffix)) return false;
      int p = 0;
      int t = 0;
      int starP = -1;
      int starT = -1;
      while (t < n) {
        if (p < tokens.length && !(tokens[p] instanceof Token.Star) && tokens[p].matches(name.charAt(t))) {
          p++;
          t++;
        } else if (p < tokens.length && tokens[p] instanceof Token.Star) {
          starP = p++;
          starT = t;
        } else if (starP >= 0) {
          p = starP + 1;
          t = ++starT;
        } else {
          return false;
        }
      }
      while (p < tokens.length && tokens[p] instanceof Token.Star) p++;
      return p == tokens.length;
    }
  }

  /** One element of a glob. */
  private sealed interface Token {

    boolean matches(char c);

    record Literal(char c) implements Token {
      public boolean matches(char other) {
        return c == other;
      }
    }

    record AnyChar() implements Token {
      public boolean matches(char c) {
        return c != '/';
      }
    }

    /** A run of stars; {@code doubled} when it was two or more (only meaningful as a whole segment). */
    record Star(boolean doubled) implements Token {
      public boolean matches(char c) {
        return false;
      }
    }

    /** {@code [...]}: characters, ranges and POSIX classes, negated by a leading ! or ^. */
    record CharClass(boolean negated, String singles, String ranges, List<String> posix) implements Token {
      public boolean matches(char c) {
        if (c == '/') return false;
        boolean in = singles.indexOf(c) >= 0;
        for (int i = 0; !in && i + 1 < ranges.length(); i += 2) in = ranges.charAt(i) <= c && c <= ranges.charAt(i + 1);
        for (int i = 0; !in && i < posix.size(); i++) in = posix(posix.get(i), c);
        return in != negated;
      }

      private static boolean posix(String name, char c) {
        return switch (name) {
          case "alnum" -> c < 128 && Character.isLetterOrDigit(c);
          case "alpha" -> c < 128 && Character.isLetter(c);
          case "blank" -> c == ' ' || c == '\t';
          case "cntrl" -> c < 32 || c == 127;
          case "digit" -> c >= '0' && c <= '9';
          case "graph" -> c > 32 && c < 127;
          case "lower" -> c >= 'a' && c <= 'z';
          case "print" -> c >= 32 && c < 127;
          case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
          case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
          case "upper" -> c >= 'A' && c <= 'Z';
          case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
          default -> false;
        };
      }
    }

    Set<String> POSIX = Set.of("alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower", "print", "punct",
        "space", "upper", "xdigit");

    /**
     * The tokens of each '/'-separated segment of a pattern, with wildmatch's escapes and
     * classes; null when the pattern can never match (a class left open, a trailing backslash,
     * an unknown [:class:]).
     */
    static List<List<Token>> split(String pattern) {
      List<List<Token>> segments = new ArrayList<>();
      List<Token> current = new ArrayList<>();
      int i = 0;
      int n = pattern.length();
      while (i < n) {
        char c = pattern.charAt(i);
        switch (c) {
          case '/' -> {
            segments.add(current);
            current = new ArrayList<>();
            i++;
          }
          case '\\' -> {
            if (i + 1 >= n) return null;
            current.add(new Literal(pattern.charAt(i + 1)));
            i += 2;
          }
          case '?' -> {
            current.add(new AnyChar());
            i++;
          }
          case '*' -> {
            int run = 0;
            while (i < n && pattern.charAt(i) == '*') {
              run++;
              i++;
            }
            boolean last = !current.isEmpty() && current.get(current.size() - 1) instanceof Star;
            if (last) {
              current.set(current.size() - 1, new Star(false));
            } else {
              current.add(new Star(run >= 2));
            }
          }
          case '[' -> {
            int[] end = new int[1];
            CharClass cls = charClass(pattern, i, end);
            if (cls == null) return null;
            current.add(cls);
            i = end[0];
          }
          default -> {
            current.add(new Literal(c));
            i++;
          }
        }
      }
      segments.add(current);
      // "**" is special only as a whole segment; elsewhere it is a single star.
      for (List<Token> s : segments) {
        if (s.size() > 1) s.replaceAll(t -> t instanceof Star ? new Star(false) : t);
      }
      return segments;
    }

    /** The class opening at {@code open}; {@code end[0]} is set past its ']'. Null when malformed. */
    private static CharClass charClass(String p, int open, int[] end) {
      int i = open + 1;
      int n = p.length();
      boolean negated = false;
      if (i < n && (p.charAt(i) == '!' || p.charAt(i) == '^')) {
        negated = true;
        i++;
      }
      StringBuilder singles = new StringBuilder();
      StringBuilder ranges = new StringBuilder();
      List<String> posix = new ArrayList<>();
      boolean first = true;
      int previous = -1;
      while (true) {
        if (i >= n) return null;
        char c = p.charAt(i);
        if (c == ']' && !first) break;
        first = false;
        if (c == '\\') {
          if (i + 1 >= n) return null;
          c = p.charAt(i + 1);
          singles.append(c);
          previous = c;
          i += 2;
        } else if (c == '-' && previous >= 0 && i + 1 < n && p.charAt(i + 1) != ']') {
          char hi = p.charAt(i + 1);
          i += 2;
          if (hi == '\\') {
            if (i >= n) return null;
            hi = p.charAt(i++);
          }
          ranges.append((char) previous).append(hi);
          previous = -1;
        } else if (c == '[' && i + 1 < n && p.charAt(i + 1) == ':') {
          int close = p.indexOf(']', i + 2);
          if (close < 0) return null;
          if (close - 1 < i + 2 || p.charAt(close - 1) != ':') {
            // No ":]": an ordinary '['.
            singles.append('[');
            previous = '[';
            i++;
            continue;
          }
          String name = p.substring(i + 2, close - 1);
          if (!POSIX.contains(name)) return null;
          posix.add(name);
          previous = -1;
          i = close + 1;
        } else {
          singles.append(c);
          previous = c;
          i++;
        }
      }
      end[0] = i + 1;
      return new CharClass(negated, singles.toString(), ranges.toString(), List.copyOf(posix));
    }
  }
}
