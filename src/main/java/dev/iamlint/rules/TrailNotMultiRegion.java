package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** CT003: a trail that records one region only (missing means single-region). */
public final class TrailNotMultiRegion implements Rule {

  @Override
  public String id() {
    return "CT003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      String what = "Trail " + t.resource().address();
      if (t.multiRegion().isEmpty()) {
        ctx.report(t.resource(), t.resource().header(), "multi-region",
            what + " is not multi-region (" + t.resource().setting("IsMultiRegionTrail", "is_multi_region_trail", "IsMultiRegionTrail")
                + " is not set; a trail records one region by default): activity in other regions is not recorded");
      } else {
        t.multiRegion().get().alternativeIs(false).or(() -> t.multiRegion().get().alternativeAbsent())
            .ifPresentOrElse(v -> ctx.report(t.resource(), v.location(), "multi-region",
                what + " is not multi-region" + v.provenance().suffix() + ": activity in other regions is not recorded"),
                () -> ctx.undecided(t.resource(), t.multiRegion().get(), "multi-region", "whether " + what + " is multi-region"));
      }
    }
  }
}
