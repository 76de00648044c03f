package dev.iamlint.fix;

import java.util.List;

/**
 * A change that resolves (or suppresses) one finding: what it does, in words an editor shows as
 * the title of a code action ("Set is_multi_region_trail = true"), and the edits that make it,
 * all to be applied together.
 */
public record Fix(String description, List<TextEdit> edits) {
  public Fix {
    edits = List.copyOf(edits);
    if (edits.isEmpty()) throw new IllegalArgumentException("a fix changes something");
  }
}
