package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;

/**
 * ADM003: a customer policy (managed or inline) allows every action on every resource with no
 * condition that narrows it. Reported once per statement, at the action element.
 */
public final class PolicyGrantsAdmin implements Rule {

  @Override
  public String id() {
    return "ADM003";
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
    int index = -1;
    for (Statement s : document.statements()) {
      index++;
      if (!s.isAllow()) continue;
      StatementScope.Coverage actions = StatementScope.allActions(s);
      StatementScope.Coverage resources = StatementScope.allResources(s);
      Truth unrestricted = Conditions.unrestricted(s.condition(), true);
      if (!actions.covers().isTrue() || !resources.covers().isTrue() || !unrestricted.isTrue()) {
        if (!actions.covers().isFalse() && !resources.covers().isFalse() && !unrestricted.isFalse()) {
          Value unknown = !actions.covers().isTrue() ? s.action().or(s::notAction).orElseThrow()
              : !resources.covers().isTrue() ? s.resource().or(s::notResource).orElseThrow() : s.condition().orElseThrow();
          ctx.undecided(resource, unknown, "statement:" + s.sid().flatMap(Value::asText).orElse("#" + index),
              "whether " + s.label() + " allows every action on every resource");
        }
        continue;
      }
      Value action = actions.culprit().orElseThrow();
      String what = s.notAction().isPresent() && s.action().isEmpty()
          ? "every action except " + texts(action) + " (NotAction), IAM policy writes included,"
          : "every action (" + action.display() + ")";
      String where = s.notResource().isPresent() && s.resource().isEmpty()
          ? "every resource except " + texts(s.notResource().get()) + " (NotResource)"
          : "every resource";
      String policy = name.asText().map(n -> "Policy \"" + n + "\"").orElse("The policy of " + resource.address());
      String detail = "statement:" + s.sid().flatMap(Value::asText).orElse("#" + index);
      ctx.report(resource, action.location(), detail,
          policy + " allows " + what + " on " + where + " without a restricting condition (" + s.label() + ")"
              + action.provenance().suffix() + s.provenance().suffix());
    }
  }

  private static String texts(Value v) {
    return String.join(", ", v.items().stream().map(Value::display).toList());
  }
}
