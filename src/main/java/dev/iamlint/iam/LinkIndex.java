package dev.iamlint.iam;

import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The elements (policies, attachments, memberships) that may name a principal, found without
 * looking at every element for every principal: links are indexed by the reference or the name
 * they use. It only narrows the candidates; {@code IamModel.designates} still decides.
 */
final class LinkIndex<T> {
  private final List<T> items;
  private final Map<String, List<Integer>> byKey = new HashMap<>();
  private final Map<PrincipalKind, List<Integer>> ambiguous = new HashMap<>();

  LinkIndex(List<T> items, Function<T, List<PrincipalLink>> links) {
    this.items = List.copyOf(items);
    for (int i = 0; i < this.items.size(); i++) {
      for (PrincipalLink l : links.apply(this.items.get(i))) {
        for (Value v : l.target().alternatives()) {
          Optional<String> key = key(l.kind(), v);
          if (key.isPresent()) byKey.computeIfAbsent(key.get(), k -> new ArrayList<>()).add(i);
          else ambiguous.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(i);
        }
      }
    }
  }

  /** In their original order: the elements whose links may designate the principal. */
  List<T> candidates(PrincipalKind kind, ResourceRef resource, Value name) {
    TreeSet<Integer> found = new TreeSet<>();
    found.addAll(byKey.getOrDefault(kind + "|ref|" + resource.scope() + "|" + resource.address(), List.of()));
    for (Value n : name.alternatives()) {
      n.asText().ifPresent(t -> found.addAll(byKey.getOrDefault(kind + "|name|" + t.toLowerCase(Locale.ROOT), List.of())));
    }
    found.addAll(ambiguous.getOrDefault(kind, List.of()));
    List<T> out = new ArrayList<>();
    for (int i : found) out.add(items.get(i));
    return out;
  }

  /** The index key of one link value: its reference, or the name it gives; empty when it may be anything. */
  private static Optional<String> key(PrincipalKind kind, Value v) {
    if (v instanceof Value.Unknown u) {
      if (u.reference().isPresent()) return Optional.of(kind + "|ref|" + u.reference().get().scope() + "|" + u.reference().get().address());
      if (u.cause() == Value.Cause.UNDECLARED) return Optional.of(kind + "|none");
      // A partial ARN may designate a principal whose own name is not known: always a candidate.
      return Optional.empty();
    }
    Optional<String> text = v.asText();
    if (text.isEmpty()) return Optional.of(kind + "|none");
    String t = text.get();
    if (t.startsWith("arn:") && t.lastIndexOf('/') >= 0) t = t.substring(t.lastIndexOf('/') + 1);
    return Optional.of(kind + "|name|" + t.toLowerCase(Locale.ROOT));
  }
}
