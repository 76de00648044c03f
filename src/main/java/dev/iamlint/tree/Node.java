package dev.iamlint.tree;

import dev.iamlint.source.Location;

/**
 * A located document node: what JSON and YAML both load into. Keys keep their own locations,
 * scalars keep their original text and kind, so nothing downstream needs the parser.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
  Location location();
}
