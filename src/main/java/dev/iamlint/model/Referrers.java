package dev.iamlint.model;

import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The elements that name another one through a value (the memberships, login profiles and
 * access keys of a user), found by the reference or the name the value gives, not by asking every
 * element about every user: 16,000 users with a key each were 256 million questions. It only
 * narrows the candidates; {@link IamModel#designates} still decides.
 *
 * <p>A value that may designate anything (an input without a value) is no candidate of its own:
 * {@link #mayDesignateAny} says whether one is there, since what it designates is never certain.
 */
final class Referrers<T> {
  private final List<T> items;
  private final Map<IndexKey, List<Integer>> byKey = new HashMap<>();
  /** Deployments holding a value that may designate any element of theirs. */
  private final Set<String> anyIn = new HashSet<>();
  /** Deployments holding a partly known ARN: it may designate an element whose own name is not known. */
  private final Set<String> anyUnnamedIn = new HashSet<>();

  Referrers(List<T> items, Function<T, Value> ref, Function<T, ResourceRef> from) {
    this.items = List.copyOf(items);
    for (int i = 0; i < this.items.size(); i++) {
      int index = i;
      T item = this.items.get(i);
      String deployment = from.apply(item).deployment();
      for (Value v : ref.apply(item).alternatives()) {
        if (v instanceof Value.Unknown u) {
          if (u.reference().isPresent()) {
            add(IndexKey.reference(u.reference().get().scope(), u.reference().get().address()), i);
          } else if (u.cause() != Value.Cause.UNDECLARED) {
            Optional<String> name = u.partial().flatMap(ModelIndex.Candidates::arnName);
            if (name.isPresent()) {
              add(named(name.get()), i);
              anyUnnamedIn.add(deployment);
            } else {
              anyIn.add(deployment);
            }
          }
          continue;
        }
        Optional<String> text = v.asText();
        if (text.isEmpty()) continue;
        add(named(text.get()), i);
        ModelIndex.Candidates.arnName(text.get()).ifPresent(n -> add(named(n), index));
      }
    }
  }

  private void add(IndexKey key, int i) {
    List<Integer> list = byKey.computeIfAbsent(key, k -> new ArrayList<>());
    if (list.isEmpty() || list.get(list.size() - 1) != i) list.add(i);
  }

  /** In their original order: the elements whose value names {@code target} by its reference or by {@code name}. */
  List<T> candidates(ResourceRef target, Value name) {
    TreeSet<Integer> found = new TreeSet<>(byKey.getOrDefault(IndexKey.reference(target), List.of()));
    name.asText().ifPresent(n -> found.addAll(byKey.getOrDefault(named(n), List.of())));
    List<T> out = new ArrayList<>(found.size());
    for (int i : found) out.add(items.get(i));
    return out;
  }

  /**
   * Whether an element of {@code target}'s deployment holds a value that may designate it without
   * naming it: an input with no value, or (when {@code target} has no known name) a partly known ARN.
   * Across deployments such a value designates nothing.
   */
  boolean mayDesignateAny(ResourceRef target, Value name) {
    return anyIn.contains(target.deployment()) || (name.asText().isEmpty() && anyUnnamedIn.contains(target.deployment()));
  }

  private static IndexKey named(String name) {
    return IndexKey.named(ModelIndex.fold(name));
  }
}
