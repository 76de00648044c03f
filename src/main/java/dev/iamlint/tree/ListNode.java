package dev.iamlint.tree;

import dev.iamlint.source.Location;
import java.util.List;

public record ListNode(List<Node> items, Location location) implements Node {
  public ListNode {
    items = List.copyOf(items);
  }
}
