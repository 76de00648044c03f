package dev.iamlint.rules;

import dev.iamlint.iam.GrantingPolicy;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.iam.Wildcard;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * ADM006: iam:PassRole (directly or through a wildcard such as iam:Pass*, iam:*, *) allowed on
 * every role without an iam:PassedToService condition: the principal can hand any role, admin
 * ones included, to a service it controls. Not when a certain Deny takes iam:PassRole away
 * wherever the policy applies, or the statement is shut in time on the scan date.
 */
public final class PassRoleUnrestricted implements Rule {
  private static final String PASS_ROLE = "iam:PassRole";

  @Override
  public String id() {
    return "ADM006";
  }

  @Override
  public void check(RuleContext ctx) {
    for (GrantingPolicy.Allowing a : GrantingPolicy.allowing(ctx.model(), ctx.options().asOf(), ctx.focus().partial())) check(ctx, a);
  }

  private static void check(RuleContext ctx, GrantingPolicy.Allowing a) {
    GrantingPolicy p = a.policy();
    Statement s = a.statement();
    if (!StatementScope.allResources(s).covers().isTrue() || passedToService(s)) return;
    Optional<Value> grant = passRole(s);
    if (grant.isEmpty()) return;
    String detail = "passrole:" + a.key(1);
    Truth denied = p.denied(List.of(PASS_ROLE.toLowerCase(Locale.ROOT)));
    if (denied.isTrue()) return;
    if (!denied.isFalse()) {
      ctx.notJudged(p.resource(), grant.get().location(), detail, "Not decided whether iam:PassRole is allowed on every role ("
          + s.label() + "): " + GrantingPolicy.MAY_BE_DENIED);
      return;
    }
    String through = s.action().isPresent() ? grant.get().display()
        : "NotAction excluding " + String.join(", ", grant.get().items().stream().map(Value::display).toList());
    ctx.report(p.resource(), grant.get().location(), detail,
        "iam:PassRole is allowed on every role (through " + through + ", " + s.label() + ")"
            + grant.get().provenance().suffix() + ": limit Resource to the roles to pass and add an iam:PassedToService condition");
  }

  /** The action value that grants iam:PassRole; NotAction grants it unless it excludes it. */
  private static Optional<Value> passRole(Statement s) {
    if (s.action().isPresent()) {
      return s.listedActions().stream().filter(v -> v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), PASS_ROLE))
          .orElse(false)).findFirst();
    }
    boolean excluded = s.excludedActions().stream()
        .anyMatch(v -> v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), PASS_ROLE)).orElse(true));
    return excluded ? Optional.empty() : s.notAction();
  }

  private static boolean passedToService(Statement s) {
    if (s.condition().isEmpty()) return false;
    for (Value alternative : s.condition().get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators)) return true; // unknown: not judged
      for (Value.MapV.Entry op : operators.entries()) {
        if (op.value() instanceof Value.MapV keys
            && keys.entries().stream().anyMatch(k -> k.key().toLowerCase(Locale.ROOT).equals("iam:passedtoservice"))) {
          return true;
        }
      }
    }
    return false;
  }
}
