package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Optional;

/** USR001: a policy embedded in a user instead of granted through a group or role. */
public final class InlineUserPolicy implements Rule {

  @Override
  public String id() {
    return "USR001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (InlinePolicy p : ctx.model().inlinePolicies()) {
      if (p.standalone()) continue;
      for (PrincipalLink link : p.principals()) {
        if (link.kind() != PrincipalKind.USER) continue;
        String name = p.name().asText().map(n -> "\"" + n + "\" ").orElse("");
        ctx.report(p.resource(), p.location(), "inline:" + p.name().asText().orElse("unnamed"),
            "Inline policy " + name + "is embedded in " + Principals.describe(ctx.model(), link, Optional.of(p.resource()))
                + ": grant permissions through a group or role");
      }
    }
  }
}
