package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * One policy statement. Each element keeps its value as written (a single value or a list, as
 * IAM allows both) with its location; {@code provenance} says when the statement exists only
 * under a condition (an Fn::If branch).
 */
public record Statement(Location location, Optional<Value> sid, Optional<Value> effect,
    Optional<Value> action, Optional<Value> notAction, Optional<Value> resource, Optional<Value> notResource,
    Optional<Value> principal, Optional<Value> notPrincipal, Optional<Value> condition, Provenance provenance) {

  public boolean isAllow() {
    return effect.flatMap(Value::asText).map(e -> e.equalsIgnoreCase("Allow")).orElse(false);
  }

  public boolean isDeny() {
    return effect.flatMap(Value::asText).map(e -> e.equalsIgnoreCase("Deny")).orElse(false);
  }

  /** A short label for messages: the Sid when there is one, else the line. */
  public String label() {
    return sid.flatMap(Value::asText).filter(s -> !s.isBlank())
        .map(s -> "statement \"" + s + "\"")
        .orElse("statement at line " + location.startLine());
  }
}
