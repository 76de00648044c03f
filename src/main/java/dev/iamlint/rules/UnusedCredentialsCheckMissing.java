package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

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
    int max = ctx.threshold("max_days", MAX_DAYS);
    Baselines.requireConfigRule(ctx, IDENTIFIER, "maxCredentialUsageAge", max,
        "unused passwords and keys go unnoticed",
        v -> "allows credentials unused for " + v.displayNumber() + " days (use at most " + max + "; CIS: 45)");
  }
}
