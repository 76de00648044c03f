package dev.iamlint.rules;

import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Comparator;
import java.util.Optional;

/**
 * PWD001: console users are created by a deployment (or the project is an account baseline)
 * but no account password policy is defined; a reusable module's login profiles do not make it
 * an account. CloudFormation cannot declare one: the message says so.
 */
public final class PasswordPolicyMissing implements Rule {

  @Override
  public String id() {
    return "PWD001";
  }

  @Override
  public void check(RuleContext ctx) {
    if (!ctx.model().passwordPolicies().isEmpty()) return;
    Optional<LoginProfile> first = ctx.model().loginProfiles().stream()
        .filter(p -> ctx.options().accountBaseline() || ctx.model().deployed(p.resource()))
        .min(Comparator.comparing(LoginProfile::resource, Baselines.CERTAIN_FIRST));
    String question = "the account has a password policy";
    if (first.isPresent()) {
      ResourceRef r = first.get().resource();
      if (Baselines.mayBeUnread(ctx, r, "no-password-policy", question)) return;
      boolean cloudFormation = r.type().startsWith("AWS::");
      ctx.report(r, first.get().location(), "no-password-policy", "Console users are created (" + r.address()
          + ") but no account password policy is defined"
          + (cloudFormation ? ": CloudFormation cannot declare one, so set it with aws_iam_account_password_policy"
              + " or the console" : ": add aws_iam_account_password_policy"));
      return;
    }
    if (ctx.options().accountBaseline()) {
      ctx.model().resources().stream().min(Comparator.comparing(ResourceRef::location))
          .filter(r -> !Baselines.mayBeUnread(ctx, r, "no-password-policy", question)).ifPresent(r ->
          ctx.report(r, r.header(), "no-password-policy", "This account baseline defines no account password policy"
              + (r.isCloudFormation() ? ": CloudFormation cannot declare one, so set it with aws_iam_account_password_policy"
                  + " or the console" : ": add aws_iam_account_password_policy")));
    }
  }
}
