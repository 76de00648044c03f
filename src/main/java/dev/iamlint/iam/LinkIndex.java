package dev.iamlint.iam;

import dev.iamlint.model.IndexKey;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.EnumMap;
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
  private final Map<PrincipalKind, Map<IndexKey, List<Integer>>> byKey = new EnumMap<>(PrincipalKind.class);
  private final Map<PrincipalKind, List<Integer>> ambiguous = new HashMap<>();

  LinkIndex(List<T> items, Function<T, List<PrincipalLink>> links) {
    this.items = List.copyOf(items);
    for (int i = 0; i < this.items.size(); i++) {
      for (PrincipalLink l : links.apply(this.items.get(i))) {
        for (Value v : l.target().alternatives()) {
          Optional<IndexKey> key = key(v);
          if (key.isPresent()) byKey.computeIfAbsent(l.kind(), k -> new HashMap<>()).computeIfAbsent(key.get(), k -> new ArrayList<>()).add(i);
          else ambiguous.computeIfAbsent(l.kind(), k -> new ArrayList<>()).add(i);
        }
      }
    }
  }

  /** In their original order: the elements whose links may designate the principal. */
  List<T> candidates(PrincipalKind kind, ResourceRef resource, Value name) {
    TreeSet<Integer> found = new TreeSet<>();
    Map<IndexKey, List<Integer>> ofKind = byKey.getOrDefault(kind, Map.of());
    found.addAll(ofKind.getOrDefault(IndexKey.reference(resource), List.of()));
    for (Value n : name.alternatives()) {
      n.asText().ifPresent(t -> found.addAll(ofKind.getOrDefault(IndexKey.named(t.toLowerCase(Locale.ROOT)), List.of())));
    }
    found.addAll(ambiguous.getOrDefault(kind, List.of()));
    List<T> out = new ArrayList<>();
    for (int i : found) out.add(items.get(i));
    return out;
  }

  /** The index key of one link value: its reference, or the name it gives; empty when it may be anything. */
  private static Optional<IndexKey> key(Value v) {
    if (v instanceof Value.Unknown u) {
      if (u.reference().isPresent()) return Optional.of(IndexKey.reference(u.reference().get().scope(), u.reference().get().address()));
      if (u.cause() == Value.Cause.UNDECLARED) return Optional.of(IndexKey.NONE);
      // A partial ARN may designate a principal whose own name is not known: always a candidate.
      return Optional.empty();
    }
    Optional<String> text = v.asText();
    if (text.isEmpty()) return Optional.of(IndexKey.NONE);
    String t = text.get();
    if (t.startsWith("arn:") && t.lastIndexOf('/') >= 0) t = t.substring(t.lastIndexOf('/') + 1);
    return Optional.of(IndexKey.named(t.toLowerCase(Locale.ROOT)));
  }
}
