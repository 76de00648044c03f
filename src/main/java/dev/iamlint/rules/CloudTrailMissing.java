package dev.iamlint.rules;

import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Comparator;
import java.util.Optional;

/**
 * CT001: the project deploys IAM identities or policies (or is an account baseline) and no
 * trail at all. One finding per scan, at the first IAM resource of a deployment: a reusable
 * module is not an account, so the IAM it defines does not call for a trail of its own. Off
 * when the organization trail is managed elsewhere ({@code cloudtrail: external}); not decided
 * when a part of a deployment could not be read (a module not installed, a nested stack).
 */
public final class CloudTrailMissing implements Rule {

  @Override
  public String id() {
    return "CT001";
  }

  @Override
  public void check(RuleContext ctx) {
    if (ctx.options().externalCloudTrail() || !ctx.model().trails().isEmpty()) return;
    boolean baseline = ctx.options().accountBaseline();
    Optional<ResourceRef> first = ctx.model().iamResources().stream()
        .filter(r -> baseline || ctx.model().deployed(r))
        .min(Baselines.CERTAIN_FIRST);
    if (first.isEmpty() && baseline) {
      first = ctx.model().resources().stream().min(Comparator.comparing(ResourceRef::location));
    }
    first.filter(r -> !Baselines.mayBeUnread(ctx, r, "no-trail", "the project has a CloudTrail trail"))
        .ifPresent(r -> ctx.report(r, r.header(), "no-trail",
        "The project defines IAM resources but no CloudTrail trail: IAM activity would not be recorded "
            + "(set cloudtrail: external when an organization trail covers this account)"));
  }
}
