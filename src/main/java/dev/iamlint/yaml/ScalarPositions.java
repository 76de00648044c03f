package dev.iamlint.yaml;

import java.util.Optional;

/**
 * Where each character of a scalar's value is written in the source. The parser strips quotes
 * and indentation, unescapes and folds lines, so the value's n-th character is rarely the n-th
 * character after the scalar's start. Covers the YAML styles (plain, single- and double-quoted,
 * literal and folded blocks, after a tag or an anchor) and JSON strings, whose escapes are those
 * of YAML's double-quoted style.
 *
 * <p>The value is aligned with the source: each visible character is the next source character
 * equal to it (or an escape that stands for it); everything skipped on the way is indentation,
 * a quote, a line continuation or a block header. Blanks are matched to blanks where there are
 * some (a folded line break has none of its own).
 */
public final class ScalarPositions {

  private enum Style { PLAIN, SINGLE, DOUBLE, BLOCK }

  /** One escape sequence of a double-quoted scalar: the character it stands for and its length. */
  private record Escape(int character, int length, boolean continuation) {}

  private ScalarPositions() {}

  /**
   * The source offset of each character of {@code value}, a scalar written from {@code start}
   * (its tag, anchor or first character) up to {@code end}; empty when the two do not align.
   */
  public static Optional<int[]> align(String source, int start, int end, String value) {
    int limit = Math.min(end, source.length());
    int p = skipProperties(source, start, limit);
    if (p >= limit) return value.isEmpty() ? Optional.of(new int[0]) : Optional.empty();
    Style style = switch (source.charAt(p)) {
      case '"' -> Style.DOUBLE;
      case '\'' -> Style.SINGLE;
      case '|', '>' -> Style.BLOCK;
      default -> Style.PLAIN;
    };
    if (style == Style.DOUBLE || style == Style.SINGLE) {
      p++;
    } else if (style == Style.BLOCK) {
      // The header (indicators, a comment) ends the line; the content starts on the next one.
      int nl = source.indexOf('\n', p);
      if (nl < 0) return value.isEmpty() ? Optional.of(new int[0]) : Optional.empty();
      p = nl + 1;
    }
    int[] positions = new int[value.length()];
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (blank(c)) {
        positions[i] = Math.min(p, Math.max(limit - 1, 0));
        if (p >= limit) continue;
        if (style == Style.DOUBLE && source.charAt(p) == '\\') {
          Escape e = escape(source, p, limit);
          if (!e.continuation() && e.character() == c) p += e.length();
        } else if (blank(source.charAt(p))) {
          p++;
        }
        continue;
      }
      int found = -1;
      int q = p;
      while (q < limit && found < 0) {
        char s = source.charAt(q);
        if (style == Style.DOUBLE && s == '\\') {
          Escape e = escape(source, q, limit);
          if (!e.continuation() && e.character() == c) {
            found = q;
            p = q + e.length();
          }
          q += e.length();
        } else if (style == Style.SINGLE && s == '\'') {
          boolean doubled = q + 1 < limit && source.charAt(q + 1) == '\'';
          if (doubled && c == '\'') {
            found = q;
            p = q + 2;
          }
          q += doubled ? 2 : 1;
        } else if (s == c) {
          found = q;
          p = q + 1;
        } else {
          q++;
        }
      }
      if (found < 0) return Optional.empty();
      positions[i] = found;
    }
    return Optional.of(positions);
  }

  /** Past a tag ({@code !Sub}) and an anchor ({@code &a}) and the blanks after them. */
  private static int skipProperties(String source, int p, int limit) {
    while (p < limit && (source.charAt(p) == '!' || source.charAt(p) == '&')) {
      while (p < limit && !blank(source.charAt(p))) p++;
      while (p < limit && blank(source.charAt(p))) p++;
    }
    return p;
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static Escape escape(String source, int at, int limit) {
    if (at + 1 >= limit) return new Escape('\\', 1, false);
    char k = source.charAt(at + 1);
    switch (k) {
      case '\n':
        return new Escape(-1, 2, true);
      case '\r':
        return new Escape(-1, at + 2 < limit && source.charAt(at + 2) == '\n' ? 3 : 2, true);
      case 'x':
        return hex(source, at, 2, limit);
      case 'u':
        return hex(source, at, 4, limit);
      case 'U':
        return hex(source, at, 8, limit);
      default:
        break;
    }
    int c = switch (k) {
      case '0' -> 0;
      case 'a' -> 7;
      case 'b' -> '\b';
      case 't', '\t' -> '\t';
      case 'n' -> '\n';
      case 'v' -> 11;
      case 'f' -> '\f';
      case 'r' -> '\r';
      case 'e' -> 27;
      case 'N' -> 0x85;
      case '_' -> 0xA0;
      case 'L' -> 0x2028;
      case 'P' -> 0x2029;
      default -> k;
    };
    return new Escape(c, 2, false);
  }

  private static Escape hex(String source, int at, int digits, int limit) {
    int end = Math.min(limit, at + 2 + digits);
    try {
      int code = Integer.parseInt(source.substring(at + 2, end), 16);
      // A code point beyond the BMP is two characters of the value; the first one is matched.
      int first = Character.isBmpCodePoint(code) ? code : Character.highSurrogate(code);
      return new Escape(first, end - at, false);
    } catch (NumberFormatException e) {
      return new Escape(source.charAt(at + 1), 2, false);
    }
  }
}
