package dev.iamlint.rules;

import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.math.BigDecimal;

/** PWD004: passwords never expire (missing or 0) or expire after more than 90 days. */
public final class PasswordMaxAge implements Rule {
  static final int MAX_AGE_DAYS = 90;

  @Override
  public String id() {
    return "PWD004";
  }

  @Override
  public void check(RuleContext ctx) {
    int max = ctx.threshold("max_age_days", MAX_AGE_DAYS);
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      if (p.maxAge().isEmpty()) {
        ctx.report(p.resource(), p.resource().header(), "max-age",
            "The password policy does not set " + p.resource().apiSetting("max_password_age", "MaxPasswordAge") + ": passwords never expire (use at most " + max + " days)");
        continue;
      }
      p.maxAge().get().alternativeWhere(v -> v.asNumber().map(n -> n.signum() == 0
          || n.compareTo(BigDecimal.valueOf(max)) > 0).orElse(false)).ifPresentOrElse(v -> ctx.report(p.resource(),
          v.location(), "max-age", "The password policy sets " + p.resource().apiSetting("max_password_age", "MaxPasswordAge") + " to " + v.displayNumber() + v.provenance().suffix()
              + (v.asNumber().orElseThrow().signum() == 0 ? " (never expire)" : "") + ": use at most " + max + " days"),
          () -> ctx.undecided(p.resource(), p.maxAge().get(), "max-age", "whether " + p.resource().apiSetting("max_password_age", "MaxPasswordAge") + " is between 1 and " + max));
    }
  }
}
