package dev.iamlint.hcl;

import dev.iamlint.source.Location;

/**
 * Where a syntax node is: character offsets into the file text ({@code end} exclusive) and
 * 1-based line/column of both ends ({@code endColumn} is one past the last character).
 */
public record SourceRange(int start, int end, int startLine, int startColumn, int endLine, int endColumn) {

  public SourceRange to(SourceRange other) {
    return new SourceRange(start, other.end, startLine, startColumn, other.endLine, other.endColumn);
  }

  public Location location(String file) {
    return new Location(file, startLine, startColumn, endLine, endColumn);
  }
}
