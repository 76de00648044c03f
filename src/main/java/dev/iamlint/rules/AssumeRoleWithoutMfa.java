package dev.iamlint.rules;

import dev.iamlint.iam.EffectivePolicies;
import dev.iamlint.iam.Escalation;
import dev.iamlint.iam.MfaEnforcement;
import dev.iamlint.iam.Principal;
import dev.iamlint.iam.TrustConditions;
import dev.iamlint.iam.TrustPolicies;
import dev.iamlint.iam.Wildcard;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.model.User;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;

/**
 * MFA002: a trust policy lets principals that can be people (an account's root, which stands
 * for any of its users, IAM users, everyone) assume the role without a condition that requires
 * MFA and, for another account, without an sts:ExternalId. Roles, role sessions, services and
 * identity providers cannot present MFA: a statement that admits only them, or whose condition
 * limits the caller to role ARNs or sessions, is not judged. High when the role is privileged.
 * An unknown principal or condition is not decided.
 */
public final class AssumeRoleWithoutMfa implements Rule {

  @Override
  public String id() {
    return "MFA002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (TrustPolicies.Grant g : TrustPolicies.grants(ctx.model())) {
      if (!assumes(g.statement())) continue;
      List<TrustConditions.Demands> demands = TrustConditions.of(g.statement().condition());
      List<String> deploying = g.trust().deployingAccounts(ctx.model(), ctx.options().accountId());
      // The trust policy's own Deny of every caller without MFA.
      Truth trustDenies = MfaEnforcement.deniedWithoutMfaInTrust(g.trust().document(), "sts:AssumeRole");
      if (trustDenies.isTrue()) continue;
      Optional<Principal.Entry> undecided = Optional.empty();
      Optional<Principal.Entry> exposed = Optional.empty();
      for (Principal.Entry e : Principal.entries(g.principal(), ctx.model())) {
        Truth t = exposed(e, demands, deploying).and(mfaNotEnforced(ctx.model(), g.trust(), e)).and(trustDenies.not());
        if (t.isTrue()) {
          exposed = Optional.of(e);
          break;
        }
        if (t == Truth.UNKNOWN && undecided.isEmpty()) undecided = Optional.of(e);
      }
      if (exposed.isPresent()) {
        report(ctx, g, exposed.get(), deploying);
      } else if (undecided.isPresent()) {
        Value unknown = undecided.get().value() instanceof Value.Unknown ? undecided.get().value()
            : g.statement().condition().orElse(undecided.get().value());
        ctx.undecided(g.trust().resource(), unknown, g.detail("assume"),
            "whether " + g.trust().name() + " can be assumed without MFA by the principal of " + g.statement().label());
      }
    }
  }

  /**
   * Whether a principal entry can assume the role without MFA in some branch of the condition:
   * it can be a person, the branch does not limit the caller to roles, does not require MFA, is
   * not inert, and (for another account) does not require an external id.
   */
  private static Truth exposed(Principal.Entry e, List<TrustConditions.Demands> demands, List<String> deploying) {
    Truth same = e.sameAccount(deploying);
    Truth any = Truth.FALSE;
    for (TrustConditions.Demands d : demands) {
      any = any.or(d.rolesOnly().not().and(d.mfa().not()).and(d.inert().not()).and(same.or(d.externalId().not())));
    }
    return e.kind().person().and(any);
  }

  /**
   * A user declared in the scan whose own policies deny everything without MFA (as MFA001 asks)
   * cannot assume the role without MFA either. UNKNOWN when its policies are not all known.
   */
  private static Truth mfaNotEnforced(IamModel model, TrustPolicies.Trust trust, Principal.Entry e) {
    if (e.kind() != Principal.Kind.USER) return Truth.TRUE;
    Optional<User> user = model.user(e.value(), Optional.of(trust.resource()));
    if (user.isEmpty()) return Truth.TRUE;
    EffectivePolicies policies = EffectivePolicies.of(model, user.get());
    Truth enforced = MfaEnforcement.requiredFor(policies.certainDocuments(), "sts:AssumeRole");
    if (!enforced.isTrue() && MfaEnforcement.requiredFor(policies.documents(), "sts:AssumeRole").isTrue()) enforced = Truth.UNKNOWN;
    if (enforced.isFalse() && !policies.complete()) enforced = Truth.UNKNOWN;
    return enforced.not();
  }

  private static void report(RuleContext ctx, TrustPolicies.Grant g, Principal.Entry e, List<String> deploying) {
    boolean otherAccount = e.sameAccount(deploying).isFalse();
    boolean privileged = g.trust().role().map(r -> privileged(ctx.model(), r)).orElse(false);
    ctx.report(privileged ? Severity.HIGH : Severity.MEDIUM, g.trust().resource(), e.value().location(), g.detail("assume"),
        g.trust().subject() + (privileged ? ", which is privileged," : "") + " can be assumed by "
            + Principal.describe(e.value(), ctx.model()) + " without MFA" + (otherAccount ? " or an sts:ExternalId" : "")
            + e.value().provenance().suffix()
            + ": require aws:MultiFactorAuthPresent (Bool \"true\")" + (otherAccount ? " or an external id" : ""));
  }

  private static boolean assumes(Statement s) {
    if (s.action().isEmpty()) return s.notAction().isPresent();
    return s.listedActions().stream().anyMatch(v -> v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), "sts:AssumeRole")).orElse(false));
  }

  /**
   * Admin-equivalent or able to escalate, judged over all the role's policies by the IAM engine
   * within its permissions boundary, as ADM005 judges it. A boundary outside the scan leaves it
   * not known, and what is not known is not claimed.
   */
  private static boolean privileged(IamModel model, Role role) {
    EffectivePolicies policies = EffectivePolicies.of(model, role);
    EffectivePolicies.Boundary boundary = policies.boundary();
    if (boundary.present() && !boundary.known()) return false;
    Escalation.Result r = Escalation.of(policies.certainDocuments(),
        boundary.present() ? Optional.of(boundary.documents()) : Optional.empty());
    return r.admin() || r.paths().stream().anyMatch(p -> p.opensTo(Optional.of(PrincipalKind.ROLE))
        && (!p.liftsBoundary() || boundary.present()));
  }
}
