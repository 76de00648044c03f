package dev.iamlint.iam;

import java.util.Locale;

/** IAM's {@code *} and {@code ?} wildcards; action names compare case-insensitively, ARNs case-sensitively. */
public final class Wildcard {
  private Wildcard() {}

  public static boolean matchesIgnoreCase(String pattern, String text) {
    return matches(pattern.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT), 0, 0);
  }

  /** Case-sensitive, as IAM compares the resource part of an ARN. */
  public static boolean matches(String pattern, String text) {
    return matches(pattern, text, 0, 0);
  }

  private static boolean matches(String p, String t, int pi, int ti) {
    int star = -1;
    int mark = 0;
    while (ti < t.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == t.charAt(ti))) {
        pi++;
        ti++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = ti;
      } else if (star >= 0) {
        pi = star + 1;
        ti = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') pi++;
    return pi == p.length();
  }
}
