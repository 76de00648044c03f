package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.Grants;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * ADM004: an Allow statement grants every action of a service ({@code s3:*}, a pattern covering
 * all its write actions, or {@code *} on that service's resources only) on all of its resources,
 * unconditionally. High for iam, sts, organizations and kms. Statements that grant everything
 * are ADM003's.
 */
public final class PolicyGrantsServiceWildcard implements Rule {

  @Override
  public String id() {
    return "ADM004";
  }

  @Override
  public void check(RuleContext ctx) {
    // A policy used only as a permissions boundary grants nothing: it is not judged as a grant.
    java.util.Set<CustomerPolicy> boundaries = dev.iamlint.iam.EffectivePolicies.boundaryOnly(ctx.model());
    for (CustomerPolicy p : ctx.model().customerPolicies()) {
      if (!boundaries.contains(p)) check(ctx, p.resource(), p.name(), p.document());
    }
    for (InlinePolicy p : ctx.model().inlinePolicies()) check(ctx, p.resource(), p.name(), p.document());
  }

  private static void check(RuleContext ctx, ResourceRef resource, Value name, PolicyDocument document) {
    int index = 0;
    for (Statement s : document.statements()) {
      index++;
      if (!s.isAllow() || !Conditions.unrestricted(s.condition(), true).isTrue()) continue;
      boolean admin = StatementScope.allActions(s).covers().isTrue() && StatementScope.allResources(s).covers().isTrue();
      if (admin) continue;
      Optional<Grants.ServiceGrant> grant = Grants.serviceWildcard(s);
      if (grant.isEmpty()) continue;
      String service = grant.get().service();
      Value action = grant.get().action();
      String policy = name.asText().map(n -> "Policy \"" + n + "\"").orElse("The policy of " + resource.address());
      ctx.report(Grants.isCriticalService(service) ? Severity.HIGH : Severity.MEDIUM, resource, action.location(),
          "service:" + service + ":" + s.sid().flatMap(Value::asText).orElse("#" + index),
          policy + " grants every " + service + " action (" + action.display() + ") on all its resources (" + s.label() + ")"
              + action.provenance().suffix() + ": name the actions and resources the workload needs");
    }
  }
}
