package dev.iamlint.rules;

import dev.iamlint.iam.ManagedPolicyArn;
import dev.iamlint.iam.Principals;
import dev.iamlint.iam.TrustPolicies;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * ADM001: the AWS managed policy AdministratorAccess is attached to a principal, by ARN in any
 * partition or path, or by name (SAM). Critical when the principal is a user with console
 * access or an access key; info for a role that only its own account can assume, with MFA.
 */
public final class AdminPolicyAttached implements Rule {
  private static final String ADMIN = "AdministratorAccess";

  @Override
  public String id() {
    return "ADM001";
  }

  @Override
  public void check(RuleContext ctx) {
    IamModel model = ctx.model();
    for (PolicyAttachment a : model.attachments()) {
      Optional<Value> admin = a.policy().alternativeWhere(v -> ManagedPolicyArn.awsManagedName(v).filter(ADMIN::equals).isPresent());
      if (admin.isEmpty()) {
        // An ARN given as an input without a value, or cut by an evaluation limit, may be
        // AdministratorAccess; a reference to a customer policy is judged by its document (ADM003) instead.
        a.policy().alternativeWhere(v -> v instanceof Value.Unknown u
                && (u.cause() == Value.Cause.INPUT || u.cause() == Value.Cause.LIMIT))
            .ifPresent(v -> ctx.undecided(a.resource(), v, ADMIN + "|" + Principals.key(model, a.principal(), Optional.of(a.resource())),
                "whether the policy attached to " + Principals.describe(model, a.principal(), Optional.of(a.resource())) + " is " + ADMIN));
        continue;
      }
      Optional<ResourceRef> from = Optional.of(a.resource());
      boolean exposed = Principals.hasCredentials(model, a.principal(), from);
      // The dedicated admin role the fix recommends: worth knowing about, not a problem.
      boolean breakGlass = a.principal().kind() == PrincipalKind.ROLE && model.role(a.principal().target(), from)
          .filter(r -> TrustPolicies.sameAccountWithMfa(r, model, ctx.options().accountId())).isPresent();
      String who = Principals.describe(model, a.principal(), from);
      String message = ADMIN + " is attached to " + who + admin.get().provenance().suffix()
          + (exposed ? ": the user has console access or an access key" : "")
          + (breakGlass ? ": only principals of the role's own account can assume it, and only with MFA "
              + "(a dedicated admin role, as recommended)" : "");
      ctx.report(exposed ? Severity.CRITICAL : breakGlass ? Severity.INFO : Severity.HIGH, a.resource(), a.location(),
          ADMIN + "|" + Principals.key(model, a.principal(), from), message);
    }
  }
}
