package dev.iamlint.tree;

import dev.iamlint.source.Location;

/** A scalar as written: its text (unquoted, unescaped) and what kind of literal it is. */
public record ScalarNode(String text, Kind kind, Location location) implements Node {
  public enum Kind { STRING, NUMBER, BOOLEAN, NULL }

  public boolean isString() {
    return kind == Kind.STRING;
  }
}
