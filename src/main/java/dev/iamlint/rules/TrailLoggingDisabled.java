package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** CT002: a trail whose logging is switched off (missing means on). */
public final class TrailLoggingDisabled implements Rule {

  @Override
  public String id() {
    return "CT002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      t.logging().flatMap(v -> v.alternativeIs(false)).ifPresentOrElse(v -> ctx.report(t.resource(), v.location(), "logging",
          "Trail " + t.resource().address() + " has logging disabled" + v.provenance().suffix()
              + ": no API activity is recorded"),
          () -> ctx.undecided(t.resource(), t.logging(), "logging", "whether trail " + t.resource().address() + " is logging"));
    }
  }
}
