package dev.iamlint.rules;

import dev.iamlint.iam.ManagedPolicyArn;
import dev.iamlint.iam.ManagedPolicyPrivileges;
import dev.iamlint.iam.Principals;
import dev.iamlint.iam.ServiceRolePolicies;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * ADM002: an AWS managed policy other than AdministratorAccess whose bundled document grants
 * admin-equivalent access, a privilege-escalation path, iam:PassRole on every role, or every
 * action of a privileged service. Judged by the document, not the name; the message says what
 * it grants. A {@code /service-role/} policy on a role only its service can assume is its
 * intended use and is not reported.
 */
public final class PrivilegedManagedPolicyAttached implements Rule {
  @Override
  public String id() {
    return "ADM002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (PolicyAttachment a : ctx.model().attachments()) {
      for (Value arn : a.policy().alternatives()) {
        Optional<String> name = ManagedPolicyArn.awsManagedName(arn);
        if (name.isEmpty() || name.get().equals("AdministratorAccess")) continue;
        Optional<String> grants = ManagedPolicyPrivileges.of(name.get());
        if (grants.isEmpty()) continue;
        Optional<ResourceRef> from = Optional.of(a.resource());
        String detail = name.get() + "|" + Principals.key(ctx.model(), a.principal(), from);
        Truth intended = intendedUse(ctx, a, name.get());
        if (intended.isTrue()) continue;
        if (!intended.isFalse()) {
          ctx.notJudged(a.resource(), a.location(), detail, "Not decided whether the service-role policy " + name.get()
              + " is attached to a role only its service can assume: the trust policy of "
              + Principals.describe(ctx.model(), a.principal(), from) + " is not fully known");
          continue;
        }
        ctx.report(a.resource(), a.location(), detail,
            "AWS managed policy " + name.get() + " is attached to " + Principals.describe(ctx.model(), a.principal(), from)
                + arn.provenance().suffix() + ": it grants " + grants.get());
        break;
      }
    }
  }

  /** A service-role policy on a role of the scan: whether only its service can assume the role. */
  private static Truth intendedUse(RuleContext ctx, PolicyAttachment a, String name) {
    if (!ServiceRolePolicies.serviceRole(name) || a.principal().kind() != PrincipalKind.ROLE) return Truth.FALSE;
    Optional<Role> role = ctx.model().role(a.principal().target(), Optional.of(a.resource()));
    return role.isEmpty() ? Truth.FALSE : ServiceRolePolicies.intendedUse(name, role.get());
  }
}
