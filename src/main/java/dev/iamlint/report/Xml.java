package dev.iamlint.report;

/** Escaping for the XML reports (attribute and text content alike). */
final class Xml {
  private Xml() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\n' -> sb.append("&#10;");
        case '\r' -> sb.append("&#13;");
        case '\t' -> sb.append("&#9;");
        default -> {
          // Characters XML 1.0 cannot carry at all are dropped.
          if (c >= 0x20 || c == 0x9) sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}
