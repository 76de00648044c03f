package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Optional;

/** USR002: a managed, customer or standalone policy attached to a user directly. */
public final class PolicyAttachedToUser implements Rule {

  @Override
  public String id() {
    return "USR002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (PolicyAttachment a : ctx.model().attachments()) {
      if (a.principal().kind() != PrincipalKind.USER) continue;
      String policy = a.policy().asText().map(t -> "Policy \"" + t + "\"").orElseGet(() ->
          ctx.model().customerPolicy(a.policy(), Optional.of(a.resource())).map(p -> "Policy " + p.resource().address()).orElse("A policy whose ARN is known only at deploy"));
      ctx.report(a.resource(), a.location(), "attach:" + policy + "|" + Principals.key(ctx.model(), a.principal(), Optional.of(a.resource())),
          policy + " is attached directly to " + Principals.describe(ctx.model(), a.principal(), Optional.of(a.resource()))
              + ": attach it to a group the user belongs to" + a.policy().provenance().suffix());
    }
    for (InlinePolicy p : ctx.model().inlinePolicies()) {
      if (!p.standalone()) continue;
      for (PrincipalLink link : p.principals()) {
        if (link.kind() != PrincipalKind.USER) continue;
        ctx.report(p.resource(), link.target().location(), "policy-users:" + Principals.key(ctx.model(), link, Optional.of(p.resource())),
            "Policy " + p.resource().address() + " is put directly on " + Principals.describe(ctx.model(), link, Optional.of(p.resource()))
                + ": put it on a group the user belongs to");
      }
    }
  }
}
