package dev.iamlint.tree;

import dev.iamlint.source.Location;

/** The outcome of loading one file: a tree, or one located problem. */
public sealed interface ParseResult {
  record Parsed(Node root) implements ParseResult {}

  /** What kind of problem stopped the loader; it decides how the problem is worded. */
  enum Problem {
    /** The text is not valid YAML or JSON. */
    SYNTAX,
    /** A safety limit (depth, aliases, size) refused the file: not a grammar error. */
    LIMIT,
    /** Valid YAML with a tag CloudFormation does not accept: the message names the tag. */
    UNSUPPORTED_TAG
  }

  record Failed(String message, Location location, Problem problem) implements ParseResult {
    public Failed(String message, Location location, boolean limit) {
      this(message, location, limit ? Problem.LIMIT : Problem.SYNTAX);
    }

    public boolean limit() {
      return problem == Problem.LIMIT;
    }
  }
}
