package dev.iamlint.rules;

import dev.iamlint.iam.StatementScope;
import dev.iamlint.iam.Wildcard;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * ADM006: iam:PassRole (directly or through a wildcard such as iam:Pass*, iam:*, *) allowed on
 * every role without an iam:PassedToService condition: the principal can hand any role, admin
 * ones included, to a service it controls.
 */
public final class PassRoleUnrestricted implements Rule {
  private static final String PASS_ROLE = "iam:PassRole";

  @Override
  public String id() {
    return "ADM006";
  }

  @Override
  public void check(RuleContext ctx) {
    // A policy used only as a permissions boundary grants nothing: it is not judged as a grant.
    java.util.Set<CustomerPolicy> boundaries = dev.iamlint.iam.EffectivePolicies.boundaryOnly(ctx.model());
    for (CustomerPolicy p : ctx.model().customerPolicies()) {
      if (!boundaries.contains(p)) check(ctx, p.resource(), p.document());
    }
    for (InlinePolicy p : ctx.model().inlinePolicies()) check(ctx, p.resource(), p.document());
  }

  private static void check(RuleContext ctx, ResourceRef resource, PolicyDocument document) {
    int index = 0;
    for (Statement s : document.statements()) {
      index++;
      if (!s.isAllow() || !StatementScope.allResources(s).covers().isTrue() || passedToService(s)) continue;
      Optional<Value> grant = passRole(s);
      if (grant.isEmpty()) continue;
      String through = s.action().isPresent() ? grant.get().display()
          : "NotAction excluding " + String.join(", ", grant.get().items().stream().map(Value::display).toList());
      ctx.report(resource, grant.get().location(), "passrole:" + s.sid().flatMap(Value::asText).orElse("#" + index),
          "iam:PassRole is allowed on every role (through " + through + ", " + s.label() + ")"
              + grant.get().provenance().suffix() + ": limit Resource to the roles to pass and add an iam:PassedToService condition");
    }
  }

  /** The action value that grants iam:PassRole; NotAction grants it unless it excludes it. */
  private static Optional<Value> passRole(Statement s) {
    if (s.action().isPresent()) {
      for (Value item : s.action().get().items()) {
        for (Value v : item.alternatives()) {
          if (v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), PASS_ROLE)).orElse(false)) return Optional.of(v);
        }
      }
      return Optional.empty();
    }
    if (s.notAction().isPresent()) {
      for (Value item : s.notAction().get().items()) {
        for (Value v : item.alternatives()) {
          Optional<String> t = v.asText();
          if (t.isEmpty() || Wildcard.matchesIgnoreCase(t.get().trim(), PASS_ROLE)) return Optional.empty();
        }
      }
      return s.notAction();
    }
    return Optional.empty();
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
