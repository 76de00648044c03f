package dev.iamlint.tree;

import dev.iamlint.source.Location;
import java.util.List;
import java.util.Optional;

/** A mapping with its entries in source order. Duplicate keys are kept; lookups take the last. */
public record MapNode(List<Entry> entries, Location location) implements Node {

  public record Entry(ScalarNode key, Node value) {
    public String name() {
      return key.text();
    }

    /** From the key to the end of the value: a whole resource, a whole property. */
    public Location span() {
      return key.location().span(value.location());
    }
  }

  public MapNode {
    entries = List.copyOf(entries);
  }

  public Optional<Entry> entry(String key) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).name().equals(key)) return Optional.of(entries.get(i));
    }
    return Optional.empty();
  }

  public Optional<Node> get(String key) {
    return entry(key).map(Entry::value);
  }

  public Optional<MapNode> map(String key) {
    return get(key).filter(MapNode.class::isInstance).map(MapNode.class::cast);
  }
}
