package dev.iamlint.rules;

import dev.iamlint.model.ConfigRule;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * REV001: an account baseline without the AWS Config rule IAM_USER_UNUSED_CREDENTIALS_CHECK,
 * or with maxCredentialUsageAge above 120 days (CIS asks for 45).
 */
public final class UnusedCredentialsCheckMissing implements Rule {
  static final String IDENTIFIER = "IAM_USER_UNUSED_CREDENTIALS_CHECK";
  static final int MAX_DAYS = 120;

  @Override
  public String id() {
    return "REV001";
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.options().accountBaseline()) return;
    Optional<ConfigRule> rule = Baselines.managedRule(ctx.model(), IDENTIFIER);
    if (rule.isEmpty()) {
      if (Baselines.mayExist(ctx.model())) return;
      Baselines.anchor(ctx.model()).ifPresent(r -> ctx.report(r, r.header(), "missing",
          "This account baseline has no AWS Config rule " + IDENTIFIER + ": unused passwords and keys go unnoticed"));
      return;
    }
    Optional<Value> age = Baselines.parameter(rule.get(), "maxCredentialUsageAge");
    age.flatMap(v -> Baselines.above(v, MAX_DAYS)).ifPresent(v -> ctx.report(rule.get().resource(), v.location(), "age",
        "Config rule " + IDENTIFIER + " allows credentials unused for " + v.displayNumber() + " days" + v.provenance().suffix()
            + ": use at most " + MAX_DAYS + " (CIS: 45)"));
  }
}
