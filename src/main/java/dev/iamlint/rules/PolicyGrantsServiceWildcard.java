package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.Grants;
import dev.iamlint.iam.GrantingPolicy;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * ADM004: an Allow statement grants every action of a privileged service ({@code s3:*}, a
 * pattern covering all its write actions, or {@code *} on that service's resources only) on all
 * of its resources, unconditionally. One finding per statement names every such service; high
 * when one is iam, sts, organizations or kms. Statements that grant everything are ADM003's;
 * a service whose actions a certain Deny takes away wherever the policy applies is not granted.
 */
public final class PolicyGrantsServiceWildcard implements Rule {

  @Override
  public String id() {
    return "ADM004";
  }

  @Override
  public void check(RuleContext ctx) {
    for (GrantingPolicy.Allowing a : GrantingPolicy.allowing(ctx.model(), ctx.options().asOf(), ctx.focus().partial())) check(ctx, a);
  }

  private static void check(RuleContext ctx, GrantingPolicy.Allowing a) {
    GrantingPolicy p = a.policy();
    Statement s = a.statement();
    if (!Conditions.unrestrictedGrant(s.condition()).isTrue()) return;
    if (StatementScope.allActions(s).covers().isTrue() && StatementScope.allResources(s).covers().isTrue()) return;
    List<Grants.ServiceGrant> wildcards = Grants.serviceWildcards(s);
    if (wildcards.isEmpty()) return;
    List<Grants.ServiceGrant> granted = new ArrayList<>();
    boolean undecided = false;
    Set<String> actions = Grants.actionsOf(s);
    for (Grants.ServiceGrant g : wildcards) {
      Truth denied = p.deniedOnAllResources(ofService(actions, g.service()));
      if (denied.isFalse()) granted.add(g);
      else undecided |= !denied.isTrue();
    }
    String sid = a.key(1);
    if (granted.isEmpty()) {
      if (undecided) ctx.notJudged(p.resource(), s.location(), "service:" + sid, "Not decided whether " + s.label()
          + " grants every action of a service: " + GrantingPolicy.MAY_BE_DENIED);
      return;
    }
    Value first = granted.get(0).action();
    String services = granted.stream().map(Grants.ServiceGrant::service).collect(Collectors.joining(","));
    String what = words(granted.stream().map(g -> "every " + g.service() + " action (" + g.action().display() + ")").toList());
    boolean critical = granted.stream().anyMatch(g -> Grants.isCriticalService(g.service()));
    ctx.report(critical ? Severity.HIGH : Severity.MEDIUM, p.resource(), first.location(), "service:" + services + ":" + sid,
        p.named() + " grants " + what + " on all " + (granted.size() == 1 ? "its" : "their") + " resources (" + s.label() + ")"
            + first.provenance().suffix() + ": name the actions and resources the workload needs");
  }

  /** The granted actions of one service (lower-case ids start with its prefix). */
  private static List<String> ofService(Set<String> actions, String service) {
    String prefix = service.toLowerCase(Locale.ROOT) + ":";
    return actions.stream().filter(a -> a.startsWith(prefix)).toList();
  }

  private static String words(List<String> parts) {
    if (parts.size() == 1) return parts.get(0);
    return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
  }
}
