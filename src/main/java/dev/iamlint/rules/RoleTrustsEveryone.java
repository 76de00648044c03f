package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.Principal;
import dev.iamlint.iam.TrustPolicies;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * TRUST001: a trust policy lets everyone assume the role ({@code "*"} or {@code {"AWS": "*"}})
 * with no condition restricting the caller (organization, account, ARN, external id...).
 */
public final class RoleTrustsEveryone implements Rule {

  private static final List<String> SESSIONS =
      List.of("sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "sts:AssumeRoleWithSAML");

  @Override
  public String id() {
    return "TRUST001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (TrustPolicies.Grant g : TrustPolicies.grants(ctx.model())) {
      Optional<Value> everyone = Principal.everyone(g.principal());
      if (everyone.isEmpty()) {
        // Only a principal that is not known at all may turn out to be everyone (the deploying account is not).
        boolean mayBeEveryone = Principal.entries(g.principal(), ctx.model()).stream().anyMatch(e -> e.kind() == Principal.Kind.UNKNOWN);
        if (mayBeEveryone) ctx.undecided(g.trust().resource(), g.principal(), g.detail("trust"),
            "whether " + g.trust().name() + " can be assumed by anyone");
        continue;
      }
      if (!Conditions.unrestricted(g.statement().condition(), true).isTrue()) continue;
      // sts:TagSession alone adds to a session that another statement lets start.
      Truth starts = g.startsSessionBy(SESSIONS);
      if (starts == Truth.UNKNOWN) {
        ctx.undecided(g.trust().resource(), everyone.get(), g.detail("trust"), "whether " + g.trust().name()
            + " can be assumed by anyone: an action of the statement is not known");
      }
      if (!starts.isTrue()) continue;
      ctx.report(g.trust().resource(), everyone.get().location(), g.detail("trust"),
          g.trust().subject() + " can be assumed by anyone (Principal " + Principal.describe(everyone.get(), ctx.model())
              + ", no condition restricts the caller)" + everyone.get().provenance().suffix()
              + ": name the accounts or roles, or add aws:PrincipalOrgID / sts:ExternalId");
    }
  }
}
