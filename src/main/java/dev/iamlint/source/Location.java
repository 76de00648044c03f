package dev.iamlint.source;

import java.util.Objects;

/**
 * A 1-based range in a source file. Columns count UTF-16 characters (what editors and SARIF expect).
 * The end is inclusive of the last character's column plus one, as in SARIF regions.
 */
public record Location(String file, int startLine, int startColumn, int endLine, int endColumn)
    implements Comparable<Location> {

  public Location {
    if (startLine < 1) startLine = 1;
    if (startColumn < 1) startColumn = 1;
    if (endLine < startLine) {
      endLine = startLine;
      endColumn = Math.max(endColumn, startColumn);
    }
    if (endLine == startLine && endColumn < startColumn) endColumn = startColumn;
  }

  public static Location point(String file, int line, int column) {
    return new Location(file, line, column, line, column);
  }

  /** The smallest location that covers both (same file assumed). */
  public Location span(Location other) {
    Location first = compareTo(other) <= 0 ? this : other;
    boolean thisEndsLater = endLine > other.endLine || (endLine == other.endLine && endColumn >= other.endColumn);
    Location last = thisEndsLater ? this : other;
    return new Location(file, first.startLine, first.startColumn, last.endLine, last.endColumn);
  }

  public Location start() {
    return point(file, startLine, startColumn);
  }

  public boolean contains(int line) {
    return startLine <= line && line <= endLine;
  }

  /** {@code file:line:column}, the form editors and problem matchers read. */
  public String shortForm() {
    return file + ":" + startLine + ":" + startColumn;
  }

  @Override
  public int compareTo(Location o) {
    int c = file.compareTo(o.file);
    if (c != 0) return c;
    c = Integer.compare(startLine, o.startLine);
    if (c != 0) return c;
    c = Integer.compare(startColumn, o.startColumn);
    if (c != 0) return c;
    c = Integer.compare(endLine, o.endLine);
    return c != 0 ? c : Integer.compare(endColumn, o.endColumn);
  }

  // equals and hashCode written out, with the values the record's own would give (hashCode folds
  // each component as h * 31 + its hash): the generated ones are bound on first use through a chain
  // of method handles, which a fresh JVM builds at some cost, and this record is hashed on every run.
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Location l && startLine == l.startLine && startColumn == l.startColumn
        && endLine == l.endLine && endColumn == l.endColumn && Objects.equals(file, l.file);
  }

  @Override
  public int hashCode() {
    int h = Objects.hashCode(file);
    h = h * 31 + startLine;
    h = h * 31 + startColumn;
    h = h * 31 + endLine;
    return h * 31 + endColumn;
  }
}
