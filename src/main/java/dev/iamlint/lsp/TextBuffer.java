package dev.iamlint.lsp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextDocumentContentChangeEvent;

/**
 * An open document as the editor holds it: its text and version. Positions are the protocol's:
 * 0-based lines and UTF-16 code units (Java's {@code char}s); a line ends at {@code \n},
 * {@code \r\n} or a lone {@code \r}. A position past the end of its line means the line's end, and
 * one past the last line the end of the text, as the protocol says.
 */
record TextBuffer(String uri, int version, String text) {

  /** A buffer after changes, and how many of them were left out for having no text. */
  record Changed(TextBuffer buffer, int ignored) {}

  /**
   * The buffer after {@code changes}, applied in order (a change without a range replaces the
   * whole text). A change without text (or with half a range) is malformed: it is left out, not read as empty.
   */
  Changed apply(int newVersion, List<TextDocumentContentChangeEvent> changes) {
    String t = text;
    int ignored = 0;
    for (TextDocumentContentChangeEvent change : changes) {
      if (change == null || change.getText() == null
          || (change.getRange() != null && (change.getRange().getStart() == null || change.getRange().getEnd() == null))) {
        ignored++;
        continue;
      }
      if (change.getRange() == null) {
        t = change.getText();
        continue;
      }
      int[] starts = lineStarts(t);
      int from = offset(t, starts, change.getRange().getStart());
      int to = Math.max(from, offset(t, starts, change.getRange().getEnd()));
      t = t.substring(0, from) + change.getText() + t.substring(to);
    }
    return new Changed(new TextBuffer(uri, newVersion, t), ignored);
  }

  /** The text of the 0-based {@code line}, without its line end; empty past the last line. */
  Optional<String> line(int line) {
    int[] starts = lineStarts(text);
    if (line < 0 || line >= starts.length) return Optional.empty();
    int end = line + 1 < starts.length ? starts[line + 1] : text.length();
    while (end > starts[line] && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return Optional.of(text.substring(starts[line], end));
  }

  /** Whether {@code position} lies in {@code range} (its end included: the cursor just after a word is on it). */
  static boolean contains(Range range, Position position) {
    return compare(range.getStart(), position) <= 0 && compare(position, range.getEnd()) <= 0;
  }

  private static int compare(Position a, Position b) {
    return a.getLine() != b.getLine() ? Integer.compare(a.getLine(), b.getLine())
        : Integer.compare(a.getCharacter(), b.getCharacter());
  }

  private static int offset(String text, int[] starts, Position p) {
    if (p.getLine() < 0) return 0;
    if (p.getLine() >= starts.length) return text.length();
    int start = starts[p.getLine()];
    int end = p.getLine() + 1 < starts.length ? starts[p.getLine() + 1] : text.length();
    // The line's end is before its terminator.
    while (end > start && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
    return start + Math.max(0, Math.min(p.getCharacter(), end - start));
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
    }
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }
}
