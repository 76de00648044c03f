package dev.iamlint.terraform.evaluation;

import dev.iamlint.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Names bound inside an expression: for-expression variables, each, count, splat items. */
final class Scope {
  static final Scope EMPTY = new Scope(null, Map.of());

  private final Scope parent;
  private final Map<String, Value> names;

  private Scope(Scope parent, Map<String, Value> names) {
    this.parent = parent;
    this.names = names;
  }

  Scope with(String name, Value value) {
    Map<String, Value> m = new HashMap<>();
    m.put(name, value);
    return new Scope(this, m);
  }

  Optional<Value> get(String name) {
    for (Scope s = this; s != null; s = s.parent) {
      Value v = s.names.get(name);
      if (v != null) return Optional.of(v);
    }
    return Optional.empty();
  }
}
