package dev.iamlint.iam;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.IndexKey;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Value;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Role chaining: a user or role that can assume a role of the scan with administrator access,
 * directly or through other roles of the scan, can escalate to it. One hop from P to role R
 * needs R's trust policy to name P (its ARN or a reference to it) in an unconditional Allow of
 * sts:AssumeRole, and either P's own policies allowing sts:AssumeRole on R, or the trust naming
 * P by a reference within the scan: within one account a role's trust policy that names the
 * caller is enough (IAM evaluates a resource-based policy naming the principal on its own),
 * unless a permissions boundary limits the caller. A certain Deny of sts:AssumeRole stops it.
 * A trust of the account root, of {@code *}, or under a condition is not followed: whether
 * the caller is let in depends on what cannot be read here.
 */
public final class RoleChains {
  private static final String ASSUME_ROLE = "sts:AssumeRole";

  /**
   * One hop: {@code role} is assumed; {@code opener} is the value that lets the previous
   * principal in (the trust policy's principal, or the identity statement's action), declared
   * in {@code at}; {@code how} says which, for messages.
   */
  public record Hop(Role role, Value opener, ResourceRef at, String how) {}

  /** The hops from the principal to a role with administrator access, the last one admin. */
  public record Chain(List<Hop> hops) {
    public Chain {
      hops = List.copyOf(hops);
    }
  }

  private final IamModel model;
  private final Optional<LocalDate> day;
  private final Map<IndexKey, Boolean> admin = new HashMap<>();
  private final Map<IndexKey, EffectivePolicies> policies = new HashMap<>();
  /** Unconditional sts:AssumeRole trusts, by the principal they name: its reference or its name. */
  private final Map<IndexKey, List<Trust>> trusts = new HashMap<>();

  /** One AWS principal value of a role's trust policy. */
  public record Trust(Role role, Value principal) {}

  public RoleChains(IamModel model, Optional<LocalDate> day) {
    this.model = model;
    this.day = day;
    for (Role r : model.roles()) {
      if (r.trustPolicy().isEmpty()) continue;
      for (Statement s : r.trustPolicy().get().statements()) {
        if (!s.isAllow() || s.condition().isPresent() || s.principal().isEmpty() || !namesAssumeRole(s)) continue;
        for (Value alternative : s.principal().get().alternatives()) {
          if (!(alternative instanceof Value.MapV map)) continue;
          Optional<Value.MapV.Entry> aws = map.entryIgnoreCase("AWS");
          if (aws.isEmpty()) continue;
          for (Value item : aws.get().value().items()) {
            for (Value v : item.alternatives()) trustKey(v).ifPresent(k -> trusts.computeIfAbsent(k, x -> new ArrayList<>()).add(new Trust(r, v)));
          }
        }
      }
    }
  }

  /** A reference's declaration, or the name at the end of an ARN: what the value can name. */
  private static Optional<IndexKey> trustKey(Value v) {
    if (v instanceof Value.Unknown u && u.reference().isPresent()) {
      return Optional.of(IndexKey.reference(u.reference().get().scope(), u.reference().get().address()));
    }
    Optional<String> text = Escalation.resourceText(v).map(String::trim);
    if (text.isEmpty() || !text.get().startsWith("arn:") || text.get().lastIndexOf('/') < 0) return Optional.empty();
    String last = text.get().substring(text.get().lastIndexOf('/') + 1);
    return last.indexOf(Value.Unknown.HOLE) >= 0 ? Optional.empty() : Optional.of(IndexKey.named(last.toLowerCase(Locale.ROOT)));
  }

  /**
   * The trusts that may name this principal ({@link #names} decides): a chain's first hop is one
   * of them.
   */
  public List<Trust> trusting(ResourceRef resource, Value name) {
    List<Trust> out = new ArrayList<>(trusts.getOrDefault(IndexKey.reference(resource), List.of()));
    name.asText().ifPresent(n -> out.addAll(trusts.getOrDefault(IndexKey.named(n.toLowerCase(Locale.ROOT)), List.of())));
    return out;
  }

  /** The shortest chain from the principal (a user or role of the scan) to an admin role, if any. */
  public Optional<Chain> toAdmin(PrincipalKind kind, ResourceRef resource, Value name, EffectivePolicies own) {
    if (kind != PrincipalKind.ROLE && kind != PrincipalKind.USER) return Optional.empty();
    record Node(PrincipalKind kind, ResourceRef resource, Value name, EffectivePolicies policies, List<Hop> path) {}
    Deque<Node> queue = new ArrayDeque<>();
    Set<IndexKey> seen = new HashSet<>();
    seen.add(IndexKey.reference(resource));
    queue.add(new Node(kind, resource, name, own, List.of()));
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Trust t : trusting(n.resource(), n.name())) {
        Role r = t.role();
        if (seen.contains(IndexKey.reference(r.resource())) || !names(t.principal(), r.resource(), n.kind(), n.resource(), n.name())) continue;
        Optional<Hop> hop = hop(n.policies(), r, t.principal());
        if (hop.isEmpty()) continue;
        seen.add(IndexKey.reference(r.resource()));
        List<Hop> path = new ArrayList<>(n.path());
        path.add(hop.get());
        if (isAdmin(r)) return Optional.of(new Chain(path));
        queue.add(new Node(PrincipalKind.ROLE, r.resource(), r.name(), policiesOf(r), path));
      }
    }
    return Optional.empty();
  }

  /** The hop into {@code to}, whose trust names the principal through {@code named}, when it is certain. */
  private Optional<Hop> hop(EffectivePolicies from, Role to, Value named) {
    if (from.boundary().present()) return Optional.empty(); // a boundary may not allow the call
    if (CertainDenies.of(from.certainDocuments()).denies(ASSUME_ROLE)) return Optional.empty();
    Optional<Found> allowed = identityAllows(from, to);
    if (allowed.isPresent()) {
      return Optional.of(new Hop(to, allowed.get().action(), allowed.get().at(),
          "whose trust policy names it and which its policies let it assume"));
    }
    boolean byReference = named instanceof Value.Unknown u && u.reference().isPresent();
    return byReference ? Optional.of(new Hop(to, named, to.resource(), "whose trust policy names it")) : Optional.empty();
  }

  /** The action value that allows the call, and the policy it is written in. */
  private record Found(Value action, ResourceRef at) {}

  /** A reference to the principal, or an ARN of its kind ending with its name, as written in element {@code from}. */
  private boolean names(Value v, ResourceRef from, PrincipalKind kind, ResourceRef resource, Value name) {
    if (!model.designates(v, from, resource, name).isTrue()) return false;
    if (v instanceof Value.Unknown u && u.reference().isPresent()) return true;
    Optional<String> text = Escalation.resourceText(v);
    String type = kind == PrincipalKind.ROLE ? ":role/" : ":user/";
    return text.isPresent() && text.get().startsWith("arn:") && text.get().contains(type);
  }

  private static boolean namesAssumeRole(Statement s) {
    return s.listedActions().stream().anyMatch(v -> v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), ASSUME_ROLE))
        .orElse(false));
  }

  /**
   * The action value of an unconditional Allow among the principal's certain policies that grants
   * sts:AssumeRole on {@code role}: on every resource, on every role ({@code role/*}), or on the
   * role itself.
   */
  private Optional<Found> identityAllows(EffectivePolicies from, Role role) {
    for (EffectivePolicies.Source source : from.sources()) {
      if (source.conditional()) continue;
      for (Statement s : source.document().statements()) {
        if (!s.isAllow() || s.action().isEmpty() || !TimeWindows.shut(s, day).isFalse()) continue;
        if (!Conditions.unrestricted(s.condition(), true).isTrue() || !reaches(s, source.resource(), role)) continue;
        for (Value v : s.listedActions()) {
          if (v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), ASSUME_ROLE)).orElse(false)) {
            return Optional.of(new Found(v, source.resource()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private boolean reaches(Statement s, ResourceRef from, Role role) {
    if (StatementScope.allResources(s).covers().isTrue()) return true;
    if (s.resource().isEmpty()) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        if (names(v, from, PrincipalKind.ROLE, role.resource(), role.name())) return true;
        Optional<String> text = Escalation.resourceText(v).map(String::trim);
        if (text.isEmpty()) continue;
        String[] parts = text.get().split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && Wildcard.matchesIgnoreCase(parts[2], "iam")
            && (parts[5].equals("role/*") || parts[5].equals("*"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Every action on every resource, with no boundary that is unknown or limits it. */
  private boolean isAdmin(Role r) {
    return admin.computeIfAbsent(IndexKey.reference(r.resource()), k -> {
      EffectivePolicies p = policiesOf(r);
      EffectivePolicies.Boundary b = p.boundary();
      if (!b.known()) return false;
      Optional<List<PolicyDocument>> cap = b.present() ? Optional.of(b.documents()) : Optional.empty();
      return Escalation.of(p.certainDocuments(), cap, Escalation.Context.on(day)).admin();
    });
  }

  private EffectivePolicies policiesOf(Role r) {
    return policies.computeIfAbsent(IndexKey.reference(r.resource()), k -> EffectivePolicies.of(model, r));
  }

}
