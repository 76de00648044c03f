package dev.iamlint.rules;

import dev.iamlint.model.ConfigRule;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/** REV003: an account baseline without the AWS Config rule ACCESS_KEYS_ROTATED, or with maxAccessKeyAge above 90. */
public final class KeyRotationCheckMissing implements Rule {
  static final String IDENTIFIER = "ACCESS_KEYS_ROTATED";
  static final int MAX_DAYS = 90;

  @Override
  public String id() {
    return "REV003";
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.options().accountBaseline()) return;
    Optional<ConfigRule> rule = Baselines.managedRule(ctx.model(), IDENTIFIER);
    if (rule.isEmpty()) {
      if (Baselines.mayExist(ctx.model())) return;
      Baselines.anchor(ctx.model()).ifPresent(r -> ctx.report(r, r.header(), "missing",
          "This account baseline has no AWS Config rule " + IDENTIFIER + ": old access keys go unnoticed"));
      return;
    }
    Optional<Value> age = Baselines.parameter(rule.get(), "maxAccessKeyAge");
    age.flatMap(v -> Baselines.above(v, MAX_DAYS)).ifPresent(v -> ctx.report(rule.get().resource(), v.location(), "age",
        "Config rule " + IDENTIFIER + " accepts keys up to " + v.displayNumber() + " days old" + v.provenance().suffix()
            + ": rotate within " + MAX_DAYS));
  }
}
