package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.List;
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

  /** The action element as written: Action, else NotAction (the actions it does not cover). */
  public Optional<Value> actionElement() {
    return action.or(() -> notAction);
  }

  /** Each action pattern of the action element (Action, else NotAction), in the order written, alternatives included. */
  public List<Value> actionPatterns() {
    return each(actionElement());
  }

  /** Each action pattern of Action, in the order written, alternatives included; none without Action. */
  public List<Value> listedActions() {
    return each(action);
  }

  /** Each action pattern of NotAction, in the order written, alternatives included; none without NotAction. */
  public List<Value> excludedActions() {
    return each(notAction);
  }

  /** Every alternative of every item of {@code element}: a list or a single value, each possibly one of several. */
  private static List<Value> each(Optional<Value> element) {
    return element.map(e -> e.items().stream().flatMap(item -> item.alternatives().stream()).toList()).orElse(List.of());
  }

  /** A short label for messages: the Sid when there is one, else the line. */
  public String label() {
    return sid.flatMap(Value::asText).filter(s -> !s.isBlank())
        .map(s -> "statement \"" + s + "\"")
        .orElse("statement at line " + location.startLine());
  }
}
