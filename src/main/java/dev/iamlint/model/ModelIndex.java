package dev.iamlint.model;

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
 * Indexes the model's lookups so that finding the element a value names costs a map access, not
 * a pass over every element (a model of thousands of roles asked once per policy was quadratic).
 * An index only narrows the candidates; {@link IamModel#designates} still decides.
 */
public final class ModelIndex {
  final Map<String, Deployment> deployments = new HashMap<>();
  final Candidates<User> users;
  final Candidates<Role> roles;
  final Candidates<Group> groups;
  final Candidates<InstanceProfile> instanceProfiles;
  final Candidates<CustomerPolicy> customerPolicies;
  /** Every declared element by its scope and address (the first declared, as a search in order finds it). */
  final Map<IndexKey, ResourceRef> declarations = new HashMap<>();
  final Referrers<GroupMembership> memberships;
  final Referrers<LoginProfile> loginProfiles;
  final Referrers<AccessKey> accessKeys;

  /** The values handed to calls outside the scan, under the keys a principal is found by (see {@link IamModel#handedOutside}). */
  private final Map<IndexKey, List<Map.Entry<Value, UnreadCall>>> handOffs = new HashMap<>();

  ModelIndex(List<Deployment> deployments, List<ResourceRef> resources, List<User> users, List<Role> roles,
      List<Group> groups, List<InstanceProfile> instanceProfiles, List<CustomerPolicy> customerPolicies,
      List<GroupMembership> memberships, List<LoginProfile> loginProfiles, List<AccessKey> accessKeys,
      List<UnreadCall> unreadCalls) {
    for (UnreadCall call : unreadCalls) handOff(call.arguments(), call);
    for (Deployment d : deployments) this.deployments.putIfAbsent(d.id(), d);
    for (ResourceRef r : resources) declarations.putIfAbsent(Candidates.reference(r.scope(), r.address()), r);
    this.memberships = new Referrers<>(memberships, GroupMembership::user, GroupMembership::resource);
    this.loginProfiles = new Referrers<>(loginProfiles, LoginProfile::user, LoginProfile::resource);
    this.accessKeys = new Referrers<>(accessKeys, AccessKey::user, AccessKey::resource);
    this.users = new Candidates<>(users, User::resource, User::name);
    this.roles = new Candidates<>(roles, Role::resource, Role::name);
    this.groups = new Candidates<>(groups, Group::resource, Group::name);
    this.instanceProfiles = new Candidates<>(instanceProfiles, InstanceProfile::resource, InstanceProfile::name);
    this.customerPolicies = new Candidates<>(customerPolicies, CustomerPolicy::resource, CustomerPolicy::name);
  }

  private void handOff(Value value, UnreadCall call) {
    for (Value v : value.alternatives()) {
      if (v instanceof Value.MapV m) {
        for (Value.MapV.Entry e : m.entries()) handOff(e.value(), call);
      } else if (v instanceof Value.ListV l) {
        for (Value item : l.items()) handOff(item, call);
      } else if (!(v instanceof Value.Unknown u && u.partial().filter(p -> !p.startsWith("arn:")).isPresent())) {
        // A text built around a name ("iam-${name}") names something else: not kept.
        for (IndexKey key : Candidates.keys(v)) handOffs.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(v, call));
      }
    }
  }

  /** The values handed outside the scan that may designate the principal declared as {@code principal} with {@code name}. */
  List<Map.Entry<Value, UnreadCall>> handOffs(ResourceRef principal, Value name) {
    if (handOffs.isEmpty()) return List.of();
    List<Map.Entry<Value, UnreadCall>> out = new ArrayList<>(handOffs.getOrDefault(
        Candidates.reference(principal.scope(), principal.address()), List.of()));
    name.asText().ifPresent(n -> out.addAll(handOffs.getOrDefault(Candidates.named(n), List.of())));
    return out;
  }

  /** The elements of one kind a value may designate: by its reference, its name, or the name an ARN ends with. */
  static final class Candidates<T> {
    private final List<T> items;
    private final Map<IndexKey, List<Integer>> byKey = new HashMap<>();

    Candidates(List<T> items, Function<T, ResourceRef> resource, Function<T, Value> name) {
      this.items = List.copyOf(items);
      for (int i = 0; i < this.items.size(); i++) {
        ResourceRef r = resource.apply(this.items.get(i));
        byKey.computeIfAbsent(reference(r.scope(), r.address()), k -> new ArrayList<>()).add(i);
        int index = i;
        name.apply(this.items.get(i)).asText()
            .ifPresent(n -> byKey.computeIfAbsent(named(n), k -> new ArrayList<>()).add(index));
      }
    }

    /** In their original order, so that the first match stays the first. */
    List<T> of(Value ref) {
      TreeSet<Integer> found = new TreeSet<>();
      for (Value v : ref.alternatives()) {
        for (IndexKey key : keys(v)) found.addAll(byKey.getOrDefault(key, List.of()));
      }
      List<T> out = new ArrayList<>(found.size());
      for (int i : found) out.add(items.get(i));
      return out;
    }

    /** The keys under which {@code IamModel.designates} can find a match for one alternative. */
    static List<IndexKey> keys(Value v) {
      if (v instanceof Value.Unknown u) {
        if (u.reference().isPresent()) return List.of(reference(u.reference().get().scope(), u.reference().get().address()));
        return u.partial().flatMap(Candidates::arnName).map(n -> List.of(named(n))).orElse(List.of());
      }
      Optional<String> text = v.asText();
      if (text.isEmpty()) return List.of();
      List<IndexKey> keys = new ArrayList<>(List.of(named(text.get())));
      arnName(text.get()).ifPresent(n -> keys.add(named(n)));
      return keys;
    }

    static Optional<String> arnName(String text) {
      int slash = text.lastIndexOf('/');
      if (!text.startsWith("arn:") || slash < 0 || text.indexOf(Value.Unknown.HOLE, slash) >= 0) return Optional.empty();
      return Optional.of(text.substring(slash + 1));
    }

    static IndexKey reference(String scope, String address) {
      return IndexKey.reference(scope, address);
    }

    /** A name's key, folded for case. */
    static IndexKey named(String name) {
      return IndexKey.named(fold(name));
    }
  }

  /**
   * {@code name} with each code point folded as {@link String#equalsIgnoreCase} compares them
   * (upper case, then lower case): two names fold alike exactly when they are equal ignoring case.
   * ({@code toLowerCase} is not that: "İ" lower-cases to two characters, yet equals "i" ignoring case.)
   */
  static String fold(String name) {
    // Most names are ASCII: folded by a loop over their characters, without a stream of code points.
    int n = name.length();
    boolean ascii = true;
    boolean upper = false;
    for (int i = 0; i < n && ascii; i++) {
      char c = name.charAt(i);
      ascii = c < 0x80;
      upper |= c >= 'A' && c <= 'Z';
    }
    if (ascii) return upper ? name.toLowerCase(Locale.ROOT) : name;
    StringBuilder sb = new StringBuilder(name.length());
    name.codePoints().forEach(cp -> sb.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp))));
    return sb.toString();
  }
}
