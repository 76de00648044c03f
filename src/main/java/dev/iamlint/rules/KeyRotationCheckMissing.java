package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

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
    int max = ctx.threshold("max_days", MAX_DAYS);
    Baselines.requireConfigRule(ctx, IDENTIFIER, "maxAccessKeyAge", max, "old access keys go unnoticed",
        v -> "accepts keys up to " + v.displayNumber() + " days old (rotate within " + max + ")");
  }
}
