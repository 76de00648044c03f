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
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      if (p.reusePrevention().isEmpty()) {
        ctx.report(p.resource(), p.resource().header(), "reuse",
            "The password policy does not set password_reuse_prevention: old passwords can be reused (remember " + MIN_REUSE + ")");
        continue;
      }
      p.reusePrevention().get().alternativeWhere(v -> v.asNumber().map(n -> n.compareTo(BigDecimal.valueOf(MIN_REUSE)) < 0)
          .orElse(false)).ifPresent(v -> ctx.report(p.resource(), v.location(), "reuse",
          "The password policy remembers only " + v.displayNumber() + " previous passwords" + v.provenance().suffix()
              + ": remember " + MIN_REUSE));
    }
  }
}
