package dev.iamlint.rules;

import dev.iamlint.model.ConfigRule;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/** What the account-baseline rules (REV*) share: where to report, and reading AWS Config rules. */
final class Baselines {
  private Baselines() {}

  /** The resource a project-level finding is located at: the first IAM resource, else the first resource. */
  static Optional<ResourceRef> anchor(IamModel model) {
    return model.iamResources().stream().min(Comparator.comparing(ResourceRef::location))
        .or(() -> model.resources().stream().min(Comparator.comparing(ResourceRef::location)));
  }

  static Optional<ConfigRule> managedRule(IamModel model, String identifier) {
    return model.configRules().stream()
        .filter(r -> r.identifier().asText().map(identifier::equals).orElse(false)).findFirst();
  }

  /** A Config rule whose identifier is not known might be the one asked for: nothing is certain then. */
  static boolean mayExist(IamModel model) {
    return model.configRules().stream().anyMatch(r -> r.identifier().asText().isEmpty());
  }

  /** A numeric input parameter of a Config rule, as written (string or number). */
  static Optional<Value> parameter(ConfigRule rule, String name) {
    return rule.parameters().filter(Value.MapV.class::isInstance).map(Value.MapV.class::cast).flatMap(m -> m.get(name));
  }

  /** The branch of a (possibly conditional) number that is above the limit. */
  static Optional<Value> above(Value v, int limit) {
    return v.alternativeWhere(a -> a.asNumber().map(n -> n.compareTo(BigDecimal.valueOf(limit)) > 0).orElse(false));
  }
}
