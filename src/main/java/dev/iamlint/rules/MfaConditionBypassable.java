package dev.iamlint.rules;

import dev.iamlint.iam.TrustPolicies;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Locale;

/**
 * MFA003: a Deny statement tests aws:MultiFactorAuthPresent with {@code Bool ... "false"}, in an
 * identity or a trust policy. The key is absent for long-term access keys, so such a Deny never
 * applies to them: use BoolIfExists.
 */
public final class MfaConditionBypassable implements Rule {

  @Override
  public String id() {
    return "MFA003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (CustomerPolicy p : ctx.model().customerPolicies()) check(ctx, p.resource(), p.document());
    for (InlinePolicy p : ctx.model().inlinePolicies()) check(ctx, p.resource(), p.document());
    for (TrustPolicies.Trust t : TrustPolicies.trusts(ctx.model())) check(ctx, t.resource(), t.document());
  }

  private static void check(RuleContext ctx, ResourceRef resource, PolicyDocument document) {
    // A companion Deny on Null "true" in the same policy applies to access keys, which carry no key.
    if (document.statements().stream().anyMatch(MfaConditionBypassable::deniesWhenKeyAbsent)) return;
    int index = 0;
    for (Statement s : document.statements()) {
      index++;
      // Only a Deny is bypassed: an Allow with Bool "false" grants less, and BoolIfExists would widen it to access keys.
      if (!s.isDeny() || s.condition().isEmpty() || !(s.condition().get() instanceof Value.MapV operators)) continue;
      for (Value.MapV.Entry op : operators.entries()) {
        if (!op.key().equalsIgnoreCase("Bool") || !(op.value() instanceof Value.MapV keys)) continue;
        for (Value.MapV.Entry key : keys.entries()) {
          if (!key.key().toLowerCase(Locale.ROOT).equals("aws:multifactorauthpresent")) continue;
          boolean testsFalse = key.value().items().stream()
              .anyMatch(v -> v.asBoolean().map(b -> !b).orElse(false));
          if (!testsFalse) continue;
          ctx.report(resource, op.keyLocation(), "mfa:" + s.sid().flatMap(Value::asText).orElse("#" + index),
              s.label().substring(0, 1).toUpperCase(Locale.ROOT) + s.label().substring(1)
                  + " tests aws:MultiFactorAuthPresent with Bool \"false\": the key is absent for access keys, so the "
                  + "condition never holds for them; use BoolIfExists");
        }
      }
    }
  }

  /** A Deny whose condition tests {@code Null aws:MultiFactorAuthPresent "true"}: it applies when the key is absent. */
  private static boolean deniesWhenKeyAbsent(Statement s) {
    if (!s.isDeny() || s.condition().isEmpty() || !(s.condition().get() instanceof Value.MapV operators)) return false;
    for (Value.MapV.Entry op : operators.entries()) {
      if (!op.key().equalsIgnoreCase("Null") || !(op.value() instanceof Value.MapV keys)) continue;
      for (Value.MapV.Entry key : keys.entries()) {
        if (key.key().equalsIgnoreCase("aws:MultiFactorAuthPresent")
            && key.value().items().stream().anyMatch(v -> v.asBoolean().orElse(false))) {
          return true;
        }
      }
    }
    return false;
  }
}
