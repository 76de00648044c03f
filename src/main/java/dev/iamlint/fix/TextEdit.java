package dev.iamlint.fix;

import dev.iamlint.source.Location;
import java.nio.file.Path;

/**
 * Replaces the text of {@code file} from a start position up to an end position with {@code
 * newText}. Positions are 1-based lines and columns counted in UTF-16 characters, as in
 * {@link Location}; the end is exclusive (the column after the last replaced character), so an
 * insertion has its end equal to its start. Editors that count from 0 (LSP) subtract one from
 * each number; SARIF takes them as they are.
 */
public record TextEdit(Path file, int startLine, int startColumn, int endLine, int endColumn, String newText) {

  public TextEdit {
    if (startLine < 1 || startColumn < 1) throw new IllegalArgumentException("positions are 1-based");
    if (endLine < startLine || (endLine == startLine && endColumn < startColumn)) {
      throw new IllegalArgumentException("an edit ends before it starts");
    }
  }

  /** Inserts {@code text} before the character at {@code line}, {@code column}. */
  public static TextEdit insert(Path file, int line, int column, String text) {
    return new TextEdit(file, line, column, line, column, text);
  }

  /** Replaces the text of {@code range}. */
  public static TextEdit replace(Path file, Location range, String text) {
    return new TextEdit(file, range.startLine(), range.startColumn(), range.endLine(), range.endColumn(), text);
  }

  public boolean isInsertion() {
    return startLine == endLine && startColumn == endColumn;
  }

  /** The replaced range, its file named {@code displayPath} (the path reports show). */
  public Location range(String displayPath) {
    return new Location(displayPath, startLine, startColumn, endLine, endColumn);
  }

  /**
   * Whether the two touch the same text: ranges that share a character, or an insertion strictly
   * inside the other's range. Insertions at one point do not overlap: they apply one after the other.
   */
  public boolean overlaps(TextEdit other) {
    if (!file.equals(other.file)) return false;
    int startVsOtherEnd = compare(startLine, startColumn, other.endLine, other.endColumn);
    int otherStartVsEnd = compare(other.startLine, other.startColumn, endLine, endColumn);
    // Two insertions at one point both apply, in the order of their fixes.
    if (isInsertion() && other.isInsertion()) return false;
    if (isInsertion()) return startVsOtherEnd < 0 && compare(startLine, startColumn, other.startLine, other.startColumn) > 0;
    if (other.isInsertion()) return other.overlaps(this);
    return startVsOtherEnd < 0 && otherStartVsEnd < 0;
  }

  static int compare(int lineA, int columnA, int lineB, int columnB) {
    return lineA != lineB ? Integer.compare(lineA, lineB) : Integer.compare(columnA, columnB);
  }
}
