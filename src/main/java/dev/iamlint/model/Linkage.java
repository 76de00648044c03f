package dev.iamlint.model;

import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What can tie the elements of one deployment to those of another. Across deployments an element
 * designates another only by a known name, or by a reference into a template through its exports
 * ({@link IamModel#designates}): so a deployment that declares no name another one mentions, and
 * mentions no name the other declares, changes nothing that is found in the other. A partial scan
 * leaves such deployments of the context unread (see the Terraform loader).
 *
 * <p>{@code declared}: the names of its elements that are looked up by name (users, groups, roles,
 * instance profiles, policies, launch templates, metric filters) and its deployments' ids;
 * {@code mentioned}: every text its elements hold, with the name at the end of a path or ARN, and
 * the scopes of its references; all folded for case as names compare, and kept as hashes (a
 * deployment's linkage is read for every partial scan: small, it is read fast). A launch of a
 * template whose id has no value is tied to every launch template. {@code deployed}: whether one
 * of its deployments is one (not a reusable module judged as a library), so that project-level
 * rules judge it; {@code projectFacts}: whether it holds something those rules read (a trail, a
 * password policy, a metric filter, or, being a deployment, IAM resources). Both over-approximate:
 * a name too many costs reading a deployment, never a finding.
 */
public record Linkage(boolean deployed, boolean projectFacts, List<Integer> declared, List<Integer> mentioned) {
  /**
   * What a service launch whose template id is an input with no value mentions, and what every
   * launch template declares: such a launch may start instances from a template of any root
   * module ({@link IamModel#launches}).
   */
  private static final int ANY_LAUNCH_TEMPLATE = "\0any launch template".hashCode();

  public Linkage {
    declared = List.copyOf(new TreeSet<>(declared));
    mentioned = List.copyOf(new TreeSet<>(mentioned));
  }

  /** The linkage of the elements of {@code model}. */
  public static Linkage of(ModelBuilder model) {
    Set<Integer> declared = new TreeSet<>();
    Set<Integer> mentioned = new TreeSet<>();
    model.users.forEach(u -> names(u.name(), declared));
    model.groups.forEach(g -> names(g.name(), declared));
    model.roles.forEach(r -> names(r.name(), declared));
    model.instanceProfiles.forEach(p -> names(p.name(), declared));
    model.customerPolicies.forEach(p -> names(p.name(), declared));
    model.inlinePolicies.forEach(p -> names(p.name(), declared));
    for (ComputeInstance c : model.computeInstances) {
      c.name().ifPresent(n -> names(n, declared));
      if (c.kind() == ComputeInstance.Kind.LAUNCH_TEMPLATE) declared.add(ANY_LAUNCH_TEMPLATE);
    }
    for (ServiceLaunch l : model.serviceLaunches) {
      if (l.template().alternatives().stream().anyMatch(v -> v instanceof Value.Unknown u && u.reference().isEmpty()
          && u.cause() != Value.Cause.UNDECLARED)) {
        mentioned.add(ANY_LAUNCH_TEMPLATE);
      }
    }
    model.metricFilters.forEach(f -> names(f.name(), declared));
    // Elements of no known deployment are taken as deployed: nothing says they are a library.
    boolean deployed = model.deployments.isEmpty() && !model.resources.isEmpty();
    boolean unread = false;
    for (Deployment d : model.deployments) {
      declared.add(scope(d.id()));
      deployed |= !d.library();
      unread |= !d.unread().isEmpty();
    }
    // What project-level rules read: the account's trails, password policy, metric filters and
    // alarms, config rules and analyzers wherever they are declared; and, of a deployment, the IAM
    // resources and login profiles a finding is located at and the parts that could not be read.
    boolean facts = !model.trails.isEmpty() || !model.passwordPolicies.isEmpty() || !model.metricFilters.isEmpty()
        || !model.metricAlarms.isEmpty() || !model.filtersNotCreated.isEmpty() || !model.configRules.isEmpty()
        || !model.accessAnalyzers.isEmpty()
        || deployed && (unread || !model.loginProfiles.isEmpty() || !model.users.isEmpty() || !model.groups.isEmpty()
            || !model.roles.isEmpty() || !model.customerPolicies.isEmpty() || !model.inlinePolicies.isEmpty()
            || !model.attachments.isEmpty());
    Walker walker = new Walker(mentioned);
    for (List<?> elements : List.of(model.resources, model.users, model.groups, model.roles, model.instanceProfiles,
        model.memberships, model.attachments, model.customerPolicies, model.inlinePolicies, model.accessKeys,
        model.loginProfiles, model.trails, model.computeInstances, model.passwordPolicies, model.configRules,
        model.accessAnalyzers, model.credentials, model.metricFilters, model.metricAlarms, model.filtersNotCreated,
        model.unreadCalls, model.secretSinks, model.boundaries, model.serviceLaunches, model.trustDocuments,
        model.credentialReport, model.codeInventories)) {
      elements.forEach(walker::walk);
    }
    return new Linkage(deployed, facts, new ArrayList<>(declared), new ArrayList<>(mentioned));
  }

  /** The two together, as one side of a comparison. */
  public Linkage with(Linkage other) {
    List<Integer> d = new ArrayList<>(declared);
    d.addAll(other.declared);
    List<Integer> m = new ArrayList<>(mentioned);
    m.addAll(other.mentioned);
    return new Linkage(deployed || other.deployed, projectFacts || other.projectFacts, d, m);
  }

  /** Whether an element of one side may designate an element of the other. */
  public boolean tiedTo(Linkage other) {
    return meet(declared, other.mentioned) || meet(other.declared, mentioned);
  }

  /** Whether two sorted lists share an item. */
  private static boolean meet(List<Integer> a, List<Integer> b) {
    int i = 0;
    int j = 0;
    while (i < a.size() && j < b.size()) {
      int c = Integer.compare(a.get(i), b.get(j));
      if (c == 0) return true;
      if (c < 0) i++;
      else j++;
    }
    return false;
  }

  private static void names(Value name, Set<Integer> out) {
    for (Value v : name.alternatives()) v.asText().ifPresent(t -> text(t, out));
  }

  private static int scope(String scope) {
    return ("\0scope " + scope).hashCode();
  }

  /**
   * A text as a name may be compared with it (itself, trimmed, and the name at the end of a path
   * or ARN), by the hash of its folded form: two names equal ignoring case have the same hash, and
   * two that only share a hash tie two deployments for nothing, which costs reading one. Every text
   * counts, however long or odd: a name AWS would refuse (a line break, 130 characters) still
   * compares equal to itself in the model.
   */
  private static void text(String t, Set<Integer> out) {
    out.add(ModelIndex.fold(t).hashCode());
    String trimmed = t.trim();
    out.add(ModelIndex.fold(trimmed).hashCode());
    int slash = trimmed.lastIndexOf('/');
    if (slash >= 0) out.add(ModelIndex.fold(trimmed.substring(slash + 1)).hashCode());
  }

  /** Every text of an element, however deep in its records, lists and values, but for where it is and where its values come from. */
  private static final class Walker {
    private static final Map<Class<?>, Method[]> ACCESSORS = new ConcurrentHashMap<>();
    private final Set<Integer> out;

    Walker(Set<Integer> out) {
      this.out = out;
    }

    void walk(Object o) {
      // What places an element (its file, address, deployment) is never a name a value gives.
      if (o == null || o instanceof Location || o instanceof Provenance || o instanceof ResourceRef) return;
      if (o instanceof Value v) {
        value(v);
      } else if (o instanceof String s) {
        text(s, out);
      } else if (o instanceof Optional<?> opt) {
        opt.ifPresent(this::walk);
      } else if (o instanceof Collection<?> c) {
        c.forEach(this::walk);
      } else if (o instanceof Map<?, ?> m) {
        m.forEach((k, v) -> {
          walk(k);
          walk(v);
        });
      } else if (o.getClass().isRecord()) {
        for (Method accessor : ACCESSORS.computeIfAbsent(o.getClass(), Walker::accessors)) {
          try {
            walk(accessor.invoke(o));
          } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + accessor, e);
          }
        }
      }
    }

    private void value(Value v) {
      if (v instanceof Value.Str s) {
        text(s.value(), out);
        s.encoded().ifPresent(this::value);
      } else if (v instanceof Value.ListV l) {
        l.items().forEach(this::value);
      } else if (v instanceof Value.MapV m) {
        m.entries().forEach(e -> {
          text(e.key(), out);
          value(e.value());
        });
      } else if (v instanceof Value.OneOf o) {
        o.alternatives().forEach(this::value);
      } else if (v instanceof Value.Unknown u) {
        u.reference().ifPresent(r -> out.add(scope(r.scope())));
        u.partial().ifPresent(p -> text(p, out));
      }
    }

    private static Method[] accessors(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] out = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        out[i] = components[i].getAccessor();
        out[i].setAccessible(true);
      }
      return out;
    }
  }
}
