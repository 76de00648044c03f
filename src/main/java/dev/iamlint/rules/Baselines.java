package dev.iamlint.rules;

import dev.iamlint.model.ConfigRule;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Function;

/** What the account-baseline rules (REV*) share: where to report, and reading AWS Config rules. */
final class Baselines {
  private Baselines() {}

  /**
   * Where a project-level finding is placed: an element that certainly exists before one that may
   * not be created (which would make the finding undecided), then the first in the source.
   */
  static final Comparator<ResourceRef> CERTAIN_FIRST = Comparator
      .comparing((ResourceRef r) -> r.mayNotExist().isPresent())
      .thenComparing(ResourceRef::location);

  /** The resource a project-level finding is located at: the first IAM resource, else the first resource. */
  static Optional<ResourceRef> anchor(IamModel model) {
    return model.iamResources().stream().min(CERTAIN_FIRST)
        .or(() -> model.resources().stream().min(CERTAIN_FIRST));
  }

  /**
   * What a project-level rule finds missing may be defined in a part of a deployment that could
   * not be read (a module not installed, a nested stack): the absence is then not decided, and
   * is reported only with {@code --report-unknown}. Returns whether that was the case.
   */
  static boolean mayBeUnread(RuleContext ctx, ResourceRef at, String detail, String missing) {
    Optional<UnreadPart> part = ctx.model().unreadPart(ctx.options().accountBaseline());
    if (part.isEmpty()) return false;
    ctx.notJudged(at, at.header(), detail, "Not decided whether " + missing + ": "
        + part.get().what() + " (" + part.get().location().shortForm() + ") may define it");
    return true;
  }

  static Optional<ConfigRule> managedRule(IamModel model, String identifier) {
    return model.configRules().stream()
        .filter(r -> r.identifier().asText().map(identifier::equals).orElse(false)).findFirst();
  }

  /** A Config rule whose identifier is not known might be the one asked for: nothing is certain then. */
  static boolean mayExist(IamModel model) {
    return model.configRules().stream().anyMatch(r -> r.identifier().asText().isEmpty());
  }

  /**
   * An account baseline needs the AWS Config managed rule {@code identifier} with its
   * {@code parameter} at most {@code maxDays}: reports the missing rule at the anchor, or the
   * parameter's value (branch) above the limit. {@code tooOld} phrases the value: "… days".
   */
  static void requireConfigRule(RuleContext ctx, String identifier, String parameter, int maxDays,
      String missing, Function<Value, String> tooOld) {
    if (!ctx.options().accountBaseline()) return;
    Optional<ConfigRule> rule = managedRule(ctx.model(), identifier);
    if (rule.isEmpty()) {
      if (mayExist(ctx.model())) return;
      anchor(ctx.model()).filter(r -> !mayBeUnread(ctx, r, "missing", "the account has the AWS Config rule " + identifier))
          .ifPresent(r -> ctx.report(r, r.header(), "missing",
              "This account baseline has no AWS Config rule " + identifier + ": " + missing));
      return;
    }
    parameter(rule.get(), parameter).flatMap(v -> above(v, maxDays)).ifPresent(v -> ctx.report(rule.get().resource(),
        v.location(), "age", "Config rule " + identifier + " " + tooOld.apply(v) + v.provenance().suffix()));
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
