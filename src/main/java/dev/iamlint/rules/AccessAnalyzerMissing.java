package dev.iamlint.rules;

import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** REV002: an account baseline without an IAM Access Analyzer. */
public final class AccessAnalyzerMissing implements Rule {

  @Override
  public String id() {
    return "REV002";
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.options().accountBaseline() || !ctx.model().accessAnalyzers().isEmpty()) return;
    Baselines.anchor(ctx.model()).filter(r -> !Baselines.mayBeUnread(ctx, r, "missing", "the account has an IAM Access Analyzer"))
        .ifPresent(r -> ctx.report(r, r.header(), "missing",
        "This account baseline has no IAM Access Analyzer: resources shared outside the account go unnoticed"));
  }
}
