package dev.iamlint.fix;

import dev.iamlint.source.FileKind;
import dev.iamlint.source.LineIndex;
import dev.iamlint.source.Location;
import dev.iamlint.source.SourceFile;
import java.nio.file.Path;

/** A file's text with what edits need: offsets of positions, lines, indentation, its line break. */
final class SourceText {
  final SourceFile file;
  final String text;
  private final LineIndex lines;

  SourceText(SourceFile file) {
    this.file = file;
    this.text = file.text();
    this.lines = new LineIndex(text);
  }

  Path path() {
    return file.path();
  }

  String display() {
    return file.displayPath();
  }

  int offset(int line, int column) {
    return lines.offset(line, column);
  }

  int offset(Location at) {
    return offset(at.startLine(), at.startColumn());
  }

  int endOffset(Location at) {
    return offset(at.endLine(), at.endColumn());
  }

  boolean isJson() {
    return file.kind() == FileKind.CLOUDFORMATION_JSON;
  }

  /** The position of an offset. */
  Location point(int offset) {
    return lines.point(display(), offset);
  }

  /** The exact text of a range. */
  String source(Location at) {
    int start = offset(at);
    int end = Math.max(start, endOffset(at));
    return text.substring(start, end);
  }

  /** The text of line {@code line} before column {@code column}. */
  String before(int line, int column) {
    return text.substring(offset(line, 1), offset(line, column));
  }

  /** The leading blanks of a line. */
  String indentation(int line) {
    int start = offset(line, 1);
    int end = start;
    while (end < text.length() && (text.charAt(end) == ' ' || text.charAt(end) == '\t')) end++;
    return text.substring(start, end);
  }

  /** The line break the file uses (that of its first line), {@code \n} when it has none. */
  String newline() {
    int nl = text.indexOf('\n');
    return nl > 0 && text.charAt(nl - 1) == '\r' ? "\r\n" : "\n";
  }

  /** The last character before {@code offset} that is not a blank or a line break, or 0. */
  char previousVisible(int offset) {
    for (int i = offset - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) return c;
    }
    return 0;
  }

  /** Whether a byte-order mark starts the text: parsers drop it, so their columns on line 1 do not match it. */
  boolean hasByteOrderMark() {
    return text.startsWith("\uFEFF");
  }
}
