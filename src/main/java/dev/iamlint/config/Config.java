package dev.iamlint.config;

import dev.iamlint.rule.RuleSettings;
import dev.iamlint.rule.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code .iamlint.yaml} says, validated. Absent keys are empty: the command line and the
 * built-in defaults decide then. {@code rules} is keyed by rule id (slugs are resolved).
 */
public record Config(Optional<Path> file, Optional<Boolean> accountBaseline, Optional<Boolean> externalCloudTrail,
    Optional<Severity> failOn, Optional<Severity> minSeverity, Optional<Boolean> reportUnknown,
    Map<String, RuleSettings> rules, List<String> exclude, List<Ignore> ignore, boolean requireReason,
    Optional<String> accountId) {

  public static final Config NONE = new Config(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
      Optional.empty(), Optional.empty(), Map.of(), List.of(), List.of(), true, Optional.empty());

  public Config {
    rules = Map.copyOf(rules);
    exclude = List.copyOf(exclude);
    ignore = List.copyOf(ignore);
  }
}
