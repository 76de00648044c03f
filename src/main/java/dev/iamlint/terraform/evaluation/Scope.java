package dev.iamlint.terraform.evaluation;

import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * Names bound inside an expression: for-expression variables, each, count, splat items. One
 * binding a link, the innermost first: a scope is made for every element a for-expression or
 * count visits, so a link is all it costs.
 */
final class Scope {
  static final Scope EMPTY = new Scope(null, "", null);

  private final Scope parent;
  private final String name;
  private final Value value;

  private Scope(Scope parent, String name, Value value) {
    this.parent = parent;
    this.name = name;
    this.value = value;
  }

  Scope with(String name, Value value) {
    return new Scope(this, name, value);
  }

  Optional<Value> get(String name) {
    for (Scope s = this; s.parent != null; s = s.parent) {
      if (s.value != null && s.name.equals(name)) return Optional.of(s.value);
    }
    return Optional.empty();
  }
}
