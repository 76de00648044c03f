package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.Grants;
import dev.iamlint.iam.GrantingPolicy;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;

/**
 * ADM003: a customer policy (managed or inline) allows every action on every resource with no
 * condition that narrows it. Reported once per statement, at the action element. A statement
 * shut in time on the scan date, or whose actions a certain Deny takes away wherever the policy
 * applies, grants nothing.
 */
public final class PolicyGrantsAdmin implements Rule {

  @Override
  public String id() {
    return "ADM003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (GrantingPolicy.Allowing a : GrantingPolicy.allowing(ctx.model(), ctx.options().asOf(), ctx.focus().partial())) check(ctx, a);
  }

  private static void check(RuleContext ctx, GrantingPolicy.Allowing a) {
    GrantingPolicy p = a.policy();
    Statement s = a.statement();
    StatementScope.Coverage actions = StatementScope.allActions(s);
    StatementScope.Coverage resources = StatementScope.allResources(s);
    Truth unrestricted = Conditions.unrestrictedGrant(s.condition());
    String detail = "statement:" + a.key(0);
    if (!actions.covers().isTrue() || !resources.covers().isTrue() || !unrestricted.isTrue()) {
      if (!actions.covers().isFalse() && !resources.covers().isFalse() && !unrestricted.isFalse()) {
        Value unknown = !actions.covers().isTrue() ? s.actionElement().orElseThrow()
            : !resources.covers().isTrue() ? s.resource().or(s::notResource).orElseThrow() : s.condition().orElseThrow();
        ctx.undecided(p.resource(), unknown, detail, question(s));
      }
      return;
    }
    Truth denied = p.deniedAsEveryAction(Grants.actionsOf(s));
    if (denied.isTrue()) return;
    Value action = actions.culprit().orElseThrow();
    if (!denied.isFalse()) {
      ctx.notJudged(p.resource(), action.location(), detail, "Not decided " + question(s) + ": " + GrantingPolicy.MAY_BE_DENIED);
      return;
    }
    String what = s.notAction().isPresent() && s.action().isEmpty()
        ? "every action except " + texts(action) + " (NotAction), IAM policy writes included,"
        : "every action (" + action.display() + ")";
    String where = s.notResource().isPresent() && s.resource().isEmpty()
        ? "every resource except " + texts(s.notResource().get()) + " (NotResource)"
        : "every resource";
    ctx.report(p.resource(), action.location(), detail,
        p.named() + " allows " + what + " on " + where + " without a restricting condition (" + s.label() + ")"
            + action.provenance().suffix() + statementOrigin(action, s));
  }

  /** Where the statement came from, unless the action came the same way (a file() read both). */
  private static String statementOrigin(Value action, Statement s) {
    return action.provenance().steps().containsAll(s.provenance().steps()) ? "" : s.provenance().suffix();
  }

  private static String question(Statement s) {
    return "whether " + s.label() + " allows every action on every resource";
  }

  private static String texts(Value v) {
    return String.join(", ", v.items().stream().map(Value::display).toList());
  }
}
