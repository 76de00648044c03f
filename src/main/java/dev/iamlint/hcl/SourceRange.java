package dev.iamlint.hcl;

import dev.iamlint.source.Location;
import java.util.Objects;

/**
 * Where a syntax node is: character offsets into the file text ({@code end} exclusive) and
 * 1-based line/column of both ends ({@code endColumn} is one past the last character).
 *
 * <p>A value class, not a record, for one reason: it keeps the {@link Location} it last gave, so
 * that every value evaluated from a node (each instance of a {@code count}, each use of a
 * variable) shares one, where each evaluation made its own (a whole scan made millions).
 */
public final class SourceRange {
  private final int start;
  private final int end;
  private final int startLine;
  private final int startColumn;
  private final int endLine;
  private final int endColumn;
  /** The last location given; racing threads at worst each make one (a location is immutable). */
  private Location given;

  public SourceRange(int start, int end, int startLine, int startColumn, int endLine, int endColumn) {
    this.start = start;
    this.end = end;
    this.startLine = startLine;
    this.startColumn = startColumn;
    this.endLine = endLine;
    this.endColumn = endColumn;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public int startLine() {
    return startLine;
  }

  public int startColumn() {
    return startColumn;
  }

  public int endLine() {
    return endLine;
  }

  public int endColumn() {
    return endColumn;
  }

  public SourceRange to(SourceRange other) {
    return new SourceRange(start, other.end, startLine, startColumn, other.endLine, other.endColumn);
  }

  public Location location(String file) {
    Location l = given;
    if (l != null && l.file().equals(file)) return l;
    l = new Location(file, startLine, startColumn, endLine, endColumn);
    given = l;
    return l;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRange r && start == r.start && end == r.end && startLine == r.startLine
        && startColumn == r.startColumn && endLine == r.endLine && endColumn == r.endColumn;
  }

  @Override
  public int hashCode() {
    return Objects.hash(start, end, startLine, startColumn, endLine, endColumn);
  }

  @Override
  public String toString() {
    return "SourceRange[start=" + start + ", end=" + end + ", startLine=" + startLine + ", startColumn=" + startColumn
        + ", endLine=" + endLine + ", endColumn=" + endColumn + "]";
  }
}
