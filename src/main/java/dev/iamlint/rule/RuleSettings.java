package dev.iamlint.rule;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the configuration says about one rule: whether it runs, its severity, and the values of
 * the parameters its metadata declares (thresholds, patterns). Values are already validated
 * against the declared types: an {@link Integer} or a list of strings.
 */
public record RuleSettings(Optional<Boolean> enabled, Optional<Severity> severity, Map<String, Object> parameters) {
  public static final RuleSettings NONE = new RuleSettings(Optional.empty(), Optional.empty(), Map.of());

  public RuleSettings {
    parameters = Map.copyOf(parameters);
  }

  public Optional<Integer> integer(String name) {
    return parameters.get(name) instanceof Integer i ? Optional.of(i) : Optional.empty();
  }

  @SuppressWarnings("unchecked")
  public Optional<List<String>> strings(String name) {
    return parameters.get(name) instanceof List<?> l ? Optional.of((List<String>) l) : Optional.empty();
  }
}
