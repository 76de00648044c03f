package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** CT004: a trail that leaves out global service events, where IAM, STS and sign-in events are. */
public final class TrailGlobalEventsExcluded implements Rule {

  @Override
  public String id() {
    return "CT004";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      t.globalServiceEvents().flatMap(v -> v.alternativeIs(false)).ifPresentOrElse(v -> ctx.report(t.resource(), v.location(),
          "global-events", "Trail " + t.resource().address() + " excludes global service events" + v.provenance().suffix()
              + ": IAM, STS and console sign-in events would be lost"),
          () -> ctx.undecided(t.resource(), t.globalServiceEvents(), "global-events",
              "whether trail " + t.resource().address() + " includes global service events"));
    }
  }
}
