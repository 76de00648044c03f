package dev.iamlint.rules;

import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.math.BigDecimal;

/** PWD005: the password policy remembers fewer than 24 previous passwords (missing = none). */
public final class PasswordReuse implements Rule {
  static final int MIN_REUSE = 24;

  @Override
  public String id() {
    return "PWD005";
  }

  @Override
  public void check(RuleContext ctx) {
    int min = ctx.threshold("min_reuse", MIN_REUSE);
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      if (p.reusePrevention().isEmpty()) {
        ctx.report(p.resource(), p.resource().header(), "reuse",
            "The password policy does not set " + p.resource().apiSetting("password_reuse_prevention", "PasswordReusePrevention") + ": old passwords can be reused (remember " + min + ")");
        continue;
      }
      p.reusePrevention().get().alternativeWhere(v -> v.asNumber().map(n -> n.compareTo(BigDecimal.valueOf(min)) < 0)
          .orElse(false)).ifPresentOrElse(v -> ctx.report(p.resource(), v.location(), "reuse",
          "The password policy remembers only " + v.displayNumber() + " previous passwords" + v.provenance().suffix()
              + ": remember " + min),
          () -> ctx.undecided(p.resource(), p.reusePrevention().get(), "reuse",
              "whether " + p.resource().apiSetting("password_reuse_prevention", "PasswordReusePrevention") + " is at least " + min));
    }
  }
}
