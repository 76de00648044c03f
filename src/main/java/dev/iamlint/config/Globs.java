package dev.iamlint.config;

import java.util.regex.Pattern;

/**
 * Glob patterns as config files write them: {@code **} any number of path segments, {@code *}
 * any characters but {@code /}, {@code ?} one character; everything else literal. A pattern
 * without a slash matches the last path segment anywhere ({@code *.tf}).
 */
public final class Globs {
  private Globs() {}

  public static Pattern compile(String glob) {
    String g = glob.startsWith("./") ? glob.substring(2) : glob;
    boolean anywhere = !g.contains("/");
    StringBuilder re = new StringBuilder(anywhere ? "(?:.*/)?" : "");
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
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
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
