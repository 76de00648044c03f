package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.User;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * USR003: a user that belongs to no group, considering every membership form in the scan. A
 * membership that names an unknown user might be this user, so it is not reported then.
 */
public final class UserWithoutGroup implements Rule {

  @Override
  public String id() {
    return "USR003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (User u : ctx.model().users()) {
      if (!ctx.model().inSomeGroup(u).isFalse()) continue;
      String name = Principals.named(u.name().asText(), u.resource().address());
      ctx.report(u.resource(), u.resource().header(), "no-group",
          "User " + name + " belongs to no group: manage its permissions through groups");
    }
  }
}
