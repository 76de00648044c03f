package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/** PWD008: a login profile that does not force a password change at first sign-in (missing = false). */
public final class PasswordResetNotRequired implements Rule {

  @Override
  public String id() {
    return "PWD008";
  }

  @Override
  public void check(RuleContext ctx) {
    for (LoginProfile p : ctx.model().loginProfiles()) {
      String user = Principals.user(ctx.model(), p.user(), p.resource());
      if (p.passwordResetRequired().isEmpty()) {
        ctx.report(p.resource(), p.location(), "reset",
            "The login profile of " + user + " does not require a password reset ("
                + p.resource().setting("PasswordResetRequired", "password_reset_required") + " is not set; the default is no reset): "
                + "the initial password stays valid after first sign-in");
        continue;
      }
      Optional<Value> no = p.passwordResetRequired().get().alternativeIs(false)
          .or(() -> p.passwordResetRequired().get().alternativeAbsent());
      no.ifPresentOrElse(v -> ctx.report(p.resource(), v.location(), "reset",
          "The login profile of " + user + (v instanceof Value.Null ? " leaves the password reset unset (the default is no reset)"
              : " turns the password reset off") + v.provenance().suffix()
              + ": the initial password stays valid after first sign-in"),
          () -> ctx.undecided(p.resource(), p.passwordResetRequired().get(), "reset",
              "whether the login profile of " + user + " requires a password reset"));
    }
  }
}
