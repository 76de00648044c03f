package dev.iamlint.fix;

/** Quoting of the text a fix writes. */
final class Strings {
  private Strings() {}

  /**
   * A double-quoted string, valid JSON and valid YAML alike: quotes, backslashes and control
   * characters escaped, line and paragraph separators too (YAML would read them as breaks).
   */
  static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** One line: breaks and other control characters become blanks, runs of blanks one blank. */
  static String oneLine(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029
        || Character.getType(c) == Character.FORMAT ? ' ' : c));
    return sb.toString().replaceAll("\\s+", " ").strip();
  }
}
