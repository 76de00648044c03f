package dev.iamlint.hcl;

import dev.iamlint.source.Location;

/** A parsed file, or its first syntax error with where it is and a message a person understands. */
public sealed interface HclParseResult {
  record Parsed(HclFile file) implements HclParseResult {}

  record Failed(String message, Location location) implements HclParseResult {}
}
