package dev.iamlint.review;

import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Numbers;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Exported JSON as the model's values: what AWS returned is literal, each element where the file writes it. */
final class Values {
  private Values() {}

  static Value of(Node n) {
    if (n instanceof ScalarNode sc) {
      return switch (sc.kind()) {
        case NUMBER -> Numbers.parse(sc.text()).<Value>map(d -> new Value.Num(d, sc.location(), Provenance.LITERAL))
            .orElseGet(() -> new Value.Unknown(Value.Cause.UNSUPPORTED, "the number " + sc.text() + " is out of range",
                Optional.empty(), Optional.empty(), sc.location(), Provenance.LITERAL));
        case BOOLEAN -> new Value.Bool(Boolean.parseBoolean(sc.text()), sc.location(), Provenance.LITERAL);
        case NULL -> new Value.Null(sc.location(), Provenance.LITERAL);
        case STRING -> new Value.Str(sc.text(), sc.location(), Provenance.LITERAL);
      };
    }
    if (n instanceof ListNode l) {
      List<Value> items = new ArrayList<>();
      for (Node item : l.items()) items.add(of(item));
      return new Value.ListV(items, l.location(), Provenance.LITERAL);
    }
    MapNode m = (MapNode) n;
    List<Value.MapV.Entry> entries = new ArrayList<>();
    for (MapNode.Entry e : m.entries()) entries.add(new Value.MapV.Entry(e.name(), e.key().location(), of(e.value())));
    return new Value.MapV(entries, m.location(), Provenance.LITERAL);
  }

  /** The text of a string entry. */
  static Optional<String> text(MapNode map, String key) {
    return map.get(key).filter(ScalarNode.class::isInstance).map(ScalarNode.class::cast)
        .filter(s -> s.kind() != ScalarNode.Kind.NULL).map(ScalarNode::text);
  }

  /** The value of an entry, when present and not null. */
  static Optional<Value> value(MapNode map, String key) {
    return map.get(key).filter(n -> !(n instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NULL)).map(Values::of);
  }

  /** A map of a list with its index in the list (for a JSON pointer to it). */
  record Indexed(int index, MapNode map) {}

  /** The maps of a list entry with their indexes (other items are skipped: AWS writes none). */
  static List<Indexed> indexed(MapNode map, String key) {
    if (!(map.get(key).orElse(null) instanceof ListNode l)) return List.of();
    List<Indexed> out = new ArrayList<>();
    for (int i = 0; i < l.items().size(); i++) {
      if (l.items().get(i) instanceof MapNode m) out.add(new Indexed(i, m));
    }
    return out;
  }

  /** The maps of a list entry (other items are skipped: AWS writes none). */
  static List<MapNode> maps(MapNode map, String key) {
    if (!(map.get(key).orElse(null) instanceof ListNode l)) return List.of();
    return l.items().stream().filter(MapNode.class::isInstance).map(MapNode.class::cast).toList();
  }
}
