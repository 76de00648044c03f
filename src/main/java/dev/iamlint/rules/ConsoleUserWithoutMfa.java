package dev.iamlint.rules;

import dev.iamlint.iam.EffectivePolicies;
import dev.iamlint.iam.MfaEnforcement;
import dev.iamlint.iam.Principals;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.User;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import java.util.List;

/**
 * MFA001: a user with console access (a login profile) whose effective policies, its groups'
 * included, have no statement that denies everything without MFA. Only certain when every
 * policy of the user could be read.
 */
public final class ConsoleUserWithoutMfa implements Rule {

  @Override
  public String id() {
    return "MFA001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (User user : ctx.model().users()) {
      List<LoginProfile> profiles = ctx.model().loginProfiles(user);
      if (profiles.isEmpty()) continue;
      // Located at the user's own login profile: a user of the same name in another root module
      // (the same IAM user, by its name) may have one too.
      LoginProfile profile = profiles.stream().filter(p -> p.resource().deployment().equals(user.resource().deployment()))
          .findFirst().orElse(profiles.get(0));
      EffectivePolicies policies = EffectivePolicies.of(ctx.model(), user);
      MfaEnforcement.Verdict verdict = MfaEnforcement.of(policies.certainDocuments());
      // A policy attached only in one branch of a condition may be the one that enforces MFA.
      if (!verdict.enforced().isTrue() && MfaEnforcement.of(policies.documents()).enforced().isTrue()) continue;
      String who = "User " + Principals.named(user.name().asText(), user.resource().address());
      if (verdict.enforced().isTrue()) continue;
      if (verdict.enforced() == Truth.UNKNOWN) {
        ctx.undecided(profile.resource(), verdict.unknown().orElseThrow(), "mfa",
            "whether " + Character.toLowerCase(who.charAt(0)) + who.substring(1) + " must use MFA: a Deny statement is not fully known");
        continue;
      }
      if (!policies.complete()) continue; // a policy outside the scan may enforce MFA
      int groups = EffectivePolicies.groups(ctx.model(), user).size();
      int count = policies.sources().size();
      String none = count == 0 ? "it has no policy that denies access without MFA"
          : "none of its " + count + " polic" + (count == 1 ? "y" : "ies")
              + (groups > 0 ? " (its " + groups + " group" + (groups > 1 ? "s'" : "'s") + " included)" : "")
              + " denies access without MFA";
      ctx.report(profile.resource(), profile.location(), "mfa", who + " can sign in to the console, but " + none
          + ": add a Deny on NotAction (except the MFA self-service actions) with BoolIfExists aws:MultiFactorAuthPresent \"false\"");
    }
  }
}
