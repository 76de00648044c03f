package dev.iamlint.rules;

import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** PWD006: users may not change their own password (allow_users_to_change_password = false). */
public final class PasswordChangeDisallowed implements Rule {

  @Override
  public String id() {
    return "PWD006";
  }

  @Override
  public void check(RuleContext ctx) {
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      p.allowUsersToChange().flatMap(v -> v.alternativeIs(false)).ifPresentOrElse(v -> ctx.report(p.resource(), v.location(),
          "change", "The password policy does not let users change their own password" + v.provenance().suffix()
              + ": a user who suspects exposure cannot rotate it"),
          () -> ctx.undecided(p.resource(), p.allowUsersToChange(), "change", "whether " + p.resource().apiSetting("allow_users_to_change_password", "AllowUsersToChangePassword") + " is true"));
    }
  }
}
