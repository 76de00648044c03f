package dev.iamlint.tree;

import dev.iamlint.source.Location;

/** The outcome of loading one file: a tree, or one located syntax problem. */
public sealed interface ParseResult {
  record Parsed(Node root) implements ParseResult {}

  /** {@code limit} marks a refusal by a safety limit (depth, aliases, size), not a grammar error. */
  record Failed(String message, Location location, boolean limit) implements ParseResult {}
}
