package dev.iamlint.config;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Glob patterns as config files write them: {@code **} any number of path segments, {@code *}
 * any characters but {@code /}, {@code ?} one character, {@code [abc]}/{@code [a-z]} one of
 * the characters ({@code [!...]} or {@code [^...]}: none of them), {@code {a,b}} one of the
 * alternatives (nested allowed), {@code \x} the character x; everything else literal. A pattern
 * without a slash matches the last path segment anywhere ({@code *.tf}). A pattern that does
 * not close what it opens is refused ({@link IllegalArgumentException}, a config error), never
 * taken to match nothing.
 */
public final class Globs {
  private Globs() {}

  public static Pattern compile(String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    boolean anywhere = !g.contains("/");
    StringBuilder re = new StringBuilder(anywhere ? "(?:.*/)?" : "");
    int braces = 0;
    for (int i = 0; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
        boolean slash = i + 2 < g.length() && g.charAt(i + 2) == '/';
        re.append(slash ? "(?:.*/)?" : ".*");
        i += slash ? 2 : 1;
      } else if (c == '*') {
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        i = characterClass(g, i, re);
      } else if (c == '{') {
        braces++;
        re.append("(?:");
      } else if (c == ',' && braces > 0) {
        re.append('|');
      } else if (c == '}' && braces > 0) {
        braces--;
        re.append(')');
      } else if (c == '\\' && i + 1 < g.length()) {
        re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (braces > 0) throw new IllegalArgumentException("'" + glob + "': a '{' is not closed");
    return Pattern.compile(re.toString());
  }

  /** The class starting at {@code open} ({@code [}) into {@code re}; the index of its {@code ]}. */
  private static int characterClass(String g, int open, StringBuilder re) {
    int i = open + 1;
    boolean negated = i < g.length() && (g.charAt(i) == '!' || g.charAt(i) == '^');
    if (negated) i++;
    StringBuilder body = new StringBuilder();
    // A ']' right after the opening (or its negation) is a member, as in shells.
    int first = i;
    for (; i < g.length(); i++) {
      char c = g.charAt(i);
      if (c == ']' && i > first) break;
      if (c == '/') throw new IllegalArgumentException("'" + g + "': a character class cannot hold '/'");
      if (c == '-' && i > first && i + 1 < g.length() && g.charAt(i + 1) != ']') {
        body.append('-');
      } else {
        body.append(c == '\\' || c == '[' || c == ']' || c == '^' || c == '&' || c == '-' ? "\\" + c : String.valueOf(c));
      }
    }
    if (i >= g.length()) throw new IllegalArgumentException("'" + g + "': a '[' is not closed");
    re.append('[').append(negated ? "^/" : "").append(body).append(']');
    return i;
  }

  /**
   * The glob as an absolute one under {@code base} (the directory of the config file that
   * wrote it): {@code examples/**} becomes {@code /repo/examples/**}, and a glob without a slash,
   * which matches a name anywhere, {@code /repo/**}{@code /*.tf}.
   */
  public static String under(Path base, String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    String root = base.toAbsolutePath().normalize().toString().replace('\\', '/');
    if (root.endsWith("/")) root = root.substring(0, root.length() - 1);
    return g.contains("/") ? root + "/" + g : root + "/**/" + g;
  }

  /** Whether {@code path} (slash-separated, relative) or a directory above it matches. */
  public static boolean matches(Pattern glob, String path) {
    String p = path.replace('\\', '/');
    if (p.startsWith("./")) p = p.substring(2);
    if (glob.matcher(p).matches()) return true;
    // "examples/**" and "examples" both exclude everything below examples/.
    for (int slash = p.indexOf('/'); slash >= 0; slash = p.indexOf('/', slash + 1)) {
      if (glob.matcher(p.substring(0, slash)).matches() || glob.matcher(p.substring(0, slash + 1)).matches()) return true;
    }
    return false;
  }
}
