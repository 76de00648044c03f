package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Statement;
import dev.iamlint.source.Location;
import dev.iamlint.value.Value;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The files an analysis of a principal's policies can point at: the principal, each policy it
 * holds and every value written in those policies (a value may come from a variable defined in
 * another file), its permissions boundary, and the roles whose trust may let it in. A finding
 * about the principal is located in one of them and names a resource in one of them, so a
 * partial scan that covers none of these files would report nothing of the analysis.
 */
public final class Footprints {
  /** The files of each document's values: a policy held by many principals is walked once. */
  private final Map<PolicyDocument, Set<String>> documents = new IdentityHashMap<>();

  /**
   * Whether {@code covers} accepts a file of the footprint of a holder with {@code policies};
   * {@code chains} gives the roles that may trust it.
   */
  public boolean touches(PolicyHolders.Holder holder, EffectivePolicies policies, RoleChains chains, Predicate<String> covers) {
    if (touches(holder.resource(), covers) || anyFile(holder.name(), covers)) return true;
    for (EffectivePolicies.Source s : policies.sources()) {
      if (touches(s.resource(), covers) || files(s.document(), s.awsManaged().isPresent()).stream().anyMatch(covers)) return true;
    }
    EffectivePolicies.Boundary boundary = policies.boundary();
    for (PolicyDocument d : boundary.documents()) {
      if (files(d, false).stream().anyMatch(covers)) return true;
    }
    if (boundary.unknown().isPresent() && anyFile(boundary.unknown().get(), covers)) return true;
    if (holder.kind().isEmpty()) return false;
    for (RoleChains.Trust o : chains.trusting(holder.resource(), holder.name())) {
      if (touches(o.role().resource(), covers) || anyFile(o.principal(), covers)) return true;
    }
    return false;
  }

  /** Whether {@code covers} accepts a file of the policy {@code resource} holds as {@code document}. */
  public boolean touches(ResourceRef resource, PolicyDocument document, Predicate<String> covers) {
    return touches(resource, covers) || files(document, false).stream().anyMatch(covers);
  }

  private static boolean touches(ResourceRef r, Predicate<String> covers) {
    if (covers.test(r.location().file()) || covers.test(r.header().file())) return true;
    for (Location call : r.callSites()) {
      if (covers.test(call.file())) return true;
    }
    return false;
  }

  private Set<String> files(PolicyDocument d, boolean awsManaged) {
    Set<String> kept = documents.get(d);
    if (kept != null) return kept;
    Set<String> out = new HashSet<>();
    out.add(d.location().file());
    for (Statement s : d.statements()) {
      out.add(s.location().file());
      // An AWS managed policy is read from the bundled catalogue with every element located at the
      // attachment: its thousands of actions need no walk.
      if (awsManaged) continue;
      for (Optional<Value> element : List.of(s.sid(), s.effect(), s.action(), s.notAction(), s.resource(),
          s.notResource(), s.principal(), s.notPrincipal(), s.condition())) {
        element.ifPresent(v -> addFiles(v, out));
      }
    }
    documents.put(d, out);
    return out;
  }

  private static boolean anyFile(Value v, Predicate<String> covers) {
    Set<String> out = new HashSet<>();
    addFiles(v, out);
    return out.stream().anyMatch(covers);
  }

  /** The file of the value and of everything inside it: items, entries, alternatives, an encoded document. */
  private static void addFiles(Value v, Set<String> out) {
    out.add(v.location().file());
    if (v instanceof Value.ListV l) {
      for (Value item : l.items()) addFiles(item, out);
    } else if (v instanceof Value.MapV m) {
      for (Value.MapV.Entry e : m.entries()) {
        out.add(e.keyLocation().file());
        addFiles(e.value(), out);
      }
    } else if (v instanceof Value.OneOf o) {
      for (Value a : o.alternatives()) addFiles(a, out);
    } else if (v instanceof Value.Str s) {
      s.encoded().ifPresent(e -> addFiles(e, out));
    }
  }
}
