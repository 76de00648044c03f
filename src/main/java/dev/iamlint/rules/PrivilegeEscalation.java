package dev.iamlint.rules;

import dev.iamlint.iam.ActionCatalog;
import dev.iamlint.iam.CertainDenies;
import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.EffectivePolicies;
import dev.iamlint.iam.Escalation;
import dev.iamlint.iam.EscalationPaths;
import dev.iamlint.iam.Footprints;
import dev.iamlint.iam.ManagedPolicyPrivileges;
import dev.iamlint.iam.PolicyHolders;
import dev.iamlint.iam.RoleChains;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Group;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * ADM005: the policies of a principal, taken together (inline, attached, through its groups,
 * across files), allow a published privilege-escalation path. Reported once per principal at
 * the statement that grants the path's first action; the message names the path and each
 * statement that contributes. Administrators (ADM001/ADM003) and a path granted by one AWS
 * managed policy alone (ADM002) are left to those rules; a user's path granted by one of its
 * groups alone is reported on the group. A policy that no principal of the scan holds is judged
 * on its own; a principal that can assume an admin role of the scan (role chaining) has a path.
 */
public final class PrivilegeEscalation implements Rule {

  @Override
  public String id() {
    return "ADM005";
  }

  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public void check(RuleContext ctx) {
    RoleChains chains = new RoleChains(ctx.model(), ctx.options().asOf());
    // A partial scan judges only the principals whose findings it could report: the analysis of
    // every principal of a large project is most of a pre-commit run's rule time.
    Footprints footprints = new Footprints();
    Optional<Predicate<String>> reported = ctx.focus().partial();
    for (PolicyHolders.Holder h : PolicyHolders.all(ctx.model(),
        (h, policies) -> reported.isEmpty() || footprints.touches(h, policies, chains, reported.get()),
        (policy, document) -> reported.isEmpty() || footprints.touches(policy, document, reported.get()))) {
      judge(ctx, h, chains);
    }
    if (!ctx.options().reportUnknown()) return;
    for (CustomerPolicy p : ctx.model().customerPolicies()) {
      if (reported.isEmpty() || footprints.touches(p.resource(), p.document(), reported.get())) unknownActions(ctx, p.resource(), p.document());
    }
    for (InlinePolicy p : ctx.model().inlinePolicies()) {
      if (reported.isEmpty() || footprints.touches(p.resource(), p.document(), reported.get())) unknownActions(ctx, p.resource(), p.document());
    }
  }

  /**
   * A role or user declared without a permissions boundary has none to lift (its boundary is its
   * own property); a group's members and a policy's unknown holders may have one.
   */
  private static boolean withoutBoundary(PolicyHolders.Holder holder, EffectivePolicies.Boundary boundary) {
    return !boundary.present() && holder.kind().filter(k -> k == PrincipalKind.ROLE || k == PrincipalKind.USER).isPresent();
  }

  private static void judge(RuleContext ctx, PolicyHolders.Holder holder, RoleChains chains) {
    String who = holder.who();
    ResourceRef principal = holder.resource();
    EffectivePolicies policies = holder.policies();
    EffectivePolicies.Boundary boundary = policies.boundary();
    Optional<List<PolicyDocument>> cap = boundary.present() && boundary.known() ? Optional.of(boundary.documents()) : Optional.empty();
    Escalation.Context own = new Escalation.Context(ctx.options().asOf(), policies.ownPolicies())
        // A policy judged alone (its holder outside the scan) may sit beside customer managed ones.
        .holdingCustomerPolicy(holder.kind().isEmpty() || policies.mayHoldCustomerPolicy());
    // A role only services assume acts without MFA: what an Allow grants only under MFA is not its.
    Escalation.Context context = holder.onlyServices() ? own.sessionsWithoutMfa() : own;
    Escalation.Result result = Escalation.of(policies.certainDocuments(), cap, context);
    if (result.admin()) return;
    List<EscalationPaths.Path> paths = result.paths().stream().filter(p -> p.opensTo(holder.kind()))
        .filter(p -> !p.liftsBoundary() || !withoutBoundary(holder, boundary))
        .filter(p -> !reportedElsewhere(policies, result.grantsOf(p))).toList();
    String whoLower = Character.toLowerCase(who.charAt(0)) + who.substring(1);
    if (paths.isEmpty()) {
      Optional<RoleChains.Chain> chain = holder.kind().flatMap(k -> chains.toAdmin(k, principal, holder.name(), policies));
      if (chain.isPresent()) {
        reportChain(ctx, holder, chain.get());
        return;
      }
      // A path that needs a grant whose resource or condition is not known is not certain (and
      // one needs a grant that may be there: without any, no path is in question).
      for (EscalationPaths.Path p : result.maybe().isEmpty() ? List.<EscalationPaths.Path>of() : EscalationPaths.bundled().all()) {
        if (!p.opensTo(holder.kind()) || (p.liftsBoundary() && withoutBoundary(holder, boundary))) continue;
        List<String> lower = p.keys();
        if (!lower.stream().allMatch(a -> result.grants().containsKey(a) || result.maybe().containsKey(a))
            || lower.stream().allMatch(a -> result.grants().containsKey(a))) {
          continue;
        }
        Escalation.Grant g = lower.stream().filter(a -> !result.grants().containsKey(a)).map(result.maybe()::get).findFirst().orElseThrow();
        ctx.undecided(principal, g.element(), principal.address() + "|" + p.id(), "whether " + whoLower
            + " can escalate privileges (" + p.id() + "): " + g.statement().label() + " has a resource or condition that is not known");
        return;
      }
      // A path through a policy attached only in one branch of a condition is not certain.
      if (policies.sources().stream().noneMatch(EffectivePolicies.Source::conditional)) return;
      Escalation.Result maybe = Escalation.of(policies.documents(), cap, context);
      maybe.paths().stream().filter(p -> !maybe.admin() && p.opensTo(holder.kind()))
          .filter(p -> !p.liftsBoundary() || !withoutBoundary(holder, boundary)).findFirst().ifPresent(p -> conditionalPolicy(policies)
          .ifPresent(arn -> ctx.undecided(principal, arn, principal.address() + "|" + p.id(),
              "whether " + whoLower + " can escalate privileges (" + p.id() + "): it depends on which policy is attached")));
      return;
    }
    EscalationPaths.Path path = paths.get(0);
    if (!boundary.known()) {
      Value b = boundary.unknown().orElseThrow();
      ctx.notJudged(principal, b.location(), principal.address() + "|" + path.id(), "Not decided whether " + whoLower
          + " can escalate privileges (" + path.id() + "): its permissions boundary " + b.display()
          + " is not in the scan" + b.provenance().suffix());
      return;
    }
    // Every open path is part of the finding: a new one is a new finding, even for a baseline.
    String detail = principal.address() + "|" + String.join(",", paths.stream().map(EscalationPaths.Path::id).sorted().toList());
    Optional<Statement> deny = CertainDenies.mayDeny(result.uncertainDenies(),
        paths.stream().flatMap(p -> p.actions().stream()).toList());
    if (deny.isPresent()) {
      Statement d = deny.get();
      Value unknown = d.actionElement().filter(v -> !v.isKnown() || v.items().stream().anyMatch(i -> !i.isKnown()))
          .or(d::resource).orElse(d.effect().orElseThrow());
      ctx.undecided(principal, unknown, detail, "whether " + whoLower + " can escalate privileges (" + path.id()
          + "): a Deny (" + d.label() + ") may take it away");
      return;
    }
    List<Escalation.Grant> grants = result.grantsOf(path);
    Escalation.Grant first = grants.get(0);
    EffectivePolicies.Source firstSource = source(policies, first.document());
    List<String> parts = new ArrayList<>();
    List<Related> related = new ArrayList<>();
    Set<Statement> seen = new LinkedHashSet<>();
    for (int i = 0; i < grants.size(); i++) {
      Escalation.Grant g = grants.get(i);
      parts.add(path.actions().get(i) + " from " + source(policies, g.document()).description() + " (" + g.statement().label() + ")");
      if (seen.add(g.statement()) && g != first) {
        related.add(new Related("grants " + path.actions().get(i), g.element().location()));
      }
    }
    if (!principal.equals(firstSource.resource())) related.add(new Related("the principal", principal.header()));
    String more = paths.size() > 1 ? "; also " + (paths.size() - 1) + " more path" + (paths.size() > 2 ? "s" : "")
        + " (" + String.join(", ", paths.subList(1, Math.min(4, paths.size())).stream().map(EscalationPaths.Path::id).toList())
        + (paths.size() > 4 ? ", …" : "") + ")" : "";
    ctx.report(firstSource.resource(), first.element().location(), detail,
        who + " can escalate " + (who.startsWith("Members") || who.startsWith("Whoever") ? "their" : "its") + " privileges: " + lower(path.description()) + " Granted by " + String.join("; ", parts)
            + more + ". Limit these actions to named resources or add conditions (" + path.reference() + ")",
        related.toArray(Related[]::new));
  }

  /** Role chaining into a role with administrator access, located where the first hop opens. */
  private static void reportChain(RuleContext ctx, PolicyHolders.Holder holder, RoleChains.Chain chain) {
    List<RoleChains.Hop> hops = chain.hops();
    StringBuilder how = new StringBuilder();
    List<Related> related = new ArrayList<>();
    for (int i = 0; i < hops.size(); i++) {
      RoleChains.Hop hop = hops.get(i);
      how.append(i == 0 ? "it can assume role " : ", and from there role ").append(name(hop.role().resource(), hop.role().name()))
          .append(", ").append(hop.how());
      if (i > 0) related.add(new Related("lets the chain into role " + hop.role().resource().address(), hop.opener().location()));
    }
    RoleChains.Hop first = hops.get(0);
    RoleChains.Hop last = hops.get(hops.size() - 1);
    if (!holder.resource().equals(first.at())) related.add(new Related("the principal", holder.resource().header()));
    ctx.report(first.at(), first.opener().location(), holder.resource().address() + "|assume-role:" + last.role().resource().address(),
        holder.who() + " can escalate its privileges: " + how + "; that role has every action on every resource"
            + first.opener().provenance().suffix() + ". Limit the trust policies to the principals that need them, or deny "
            + "sts:AssumeRole (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_terms-and-concepts.html#iam-term-role-chaining)",
        related.toArray(Related[]::new));
  }

  /**
   * An action that matches nothing in the catalogue is not judged: a typo (harmless in an Allow,
   * a hole in a Deny) or an action newer than the catalogue. Shown with --report-unknown.
   */
  private static void unknownActions(RuleContext ctx, ResourceRef resource, PolicyDocument document) {
    ActionCatalog catalog = ActionCatalog.bundled();
    for (Statement s : document.statements()) {
      for (Value v : s.actionPatterns()) {
        Optional<String> text = v.asText().map(String::trim);
        if (text.isEmpty() || !catalog.expand(text.get()).isEmpty()) continue;
        ctx.notJudged(resource, v.location(), "action:" + text.get(), "Action " + v.display() + " in " + s.label()
            + " matches no action of the bundled catalogue (" + catalog.source() + "): a typo, or an action newer than "
            + "the catalogue; it is not judged" + (s.isDeny() ? ", and this Deny may not deny what it should" : ""));
      }
    }
  }

  /** An unknown standing for an attachment whose policy depends on a condition, when there is one. */
  private static Optional<Value> conditionalPolicy(EffectivePolicies policies) {
    return policies.sources().stream().filter(EffectivePolicies.Source::conditional).findFirst()
        .map(s -> new Value.Unknown(Value.Cause.INPUT, "the attached policy depends on a condition (" + s.description() + ")",
            Optional.empty(), Optional.empty(), s.resource().header(), Provenance.LITERAL));
  }

  /**
   * A path ADM002 reports at the attachment (one AWS managed policy granting it on every
   * resource, or one that ADM002 finds privileged for any reason: its PassRole may be limited to
   * the service it manages), or one group alone grants (reported on the group).
   */
  private static boolean reportedElsewhere(EffectivePolicies policies, List<Escalation.Grant> grants) {
    Set<EffectivePolicies.Source> sources = new LinkedHashSet<>();
    for (Escalation.Grant g : grants) sources.add(source(policies, g.document()));
    Optional<String> managed = sources.size() == 1 ? sources.iterator().next().awsManaged() : Optional.empty();
    if (managed.isPresent() && (ManagedPolicyPrivileges.of(managed.get()).isPresent()
        || grants.stream().allMatch(g -> StatementScope.allResources(g.statement()).covers().isTrue()
            && Conditions.unrestrictedGrant(g.statement().condition()).isTrue()))) {
      return true;
    }
    Set<Optional<Group>> groups = new LinkedHashSet<>();
    for (EffectivePolicies.Source s : sources) groups.add(s.group());
    return groups.size() == 1 && groups.iterator().next().isPresent();
  }

  private static EffectivePolicies.Source source(EffectivePolicies policies, PolicyDocument document) {
    return policies.sources().stream().filter(s -> s.document() == document).findFirst().orElseThrow();
  }

  private static String name(ResourceRef resource, Value name) {
    return name.asText().map(n -> "\"" + n + "\" (" + resource.address() + ")").orElse(resource.address());
  }

  private static String lower(String sentence) {
    return sentence.isEmpty() ? sentence : Character.toLowerCase(sentence.charAt(0)) + sentence.substring(1);
  }
}
