package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Which privilege-escalation paths a set of policies allows when taken together. An action
 * counts as granted by an Allow statement with no restricting condition whose resources reach
 * other principals or policies: every resource, or a whole resource type ({@code
 * arn:aws:iam::*:role/*}). A resource named exactly (the principal's own user, one policy) does
 * not let it reach further and does not count. A Deny takes an action away only where it
 * certainly applies: unconditional, on every resource. A Deny that may apply (an action or
 * resource not known) is kept as {@code uncertainDeny}: the paths are then not certain.
 */
public final class Escalation {
  /** {@code *}, or a whole resource type: {@code role/*}, {@code user/*}, {@code function:*}. */
  private static final Pattern WHOLE_TYPE = Pattern.compile("\\*|[A-Za-z0-9-]+[/:]\\*");

  private Escalation() {}

  /** The statement and element that grant one action. */
  public record Grant(PolicyDocument document, Statement statement, Value element) {}

  /**
   * {@code paths}: the paths every action of which is granted; {@code grants}: for each granted
   * action (lower case), the first statement that grants it; {@code admin}: some statement
   * grants every action on every resource (other rules report that); {@code uncertainDenies}:
   * Denies that may take some of it away, but whose action or resource is not known;
   * {@code maybe}: actions an Allow grants if its unknown resource or condition turns out broad.
   */
  public record Result(List<EscalationPaths.Path> paths, Map<String, Grant> grants, boolean admin,
      List<Statement> uncertainDenies, Map<String, Grant> maybe, List<ServicePass> servicePasses) {
    public Result {
      maybe = Map.copyOf(maybe);
      uncertainDenies = List.copyOf(uncertainDenies);
      paths = List.copyOf(paths);
      grants = Map.copyOf(grants);
      servicePasses = List.copyOf(servicePasses);
    }

    /** The grants that make up {@code path}, in the path's order. */
    public List<Grant> grantsOf(EscalationPaths.Path path) {
      return path.keys().stream().map(k -> grants.containsKey(k) ? grants.get(k) : passFor(path, servicePasses).orElseThrow())
          .toList();
    }
  }

  /**
   * {@code iam:PassRole} on roles of every kind, allowed only towards the services of
   * {@code blocks} (an {@code iam:PassedToService} condition: each block's patterns, all blocks
   * together): it limits where a role goes, not which role.
   */
  public record ServicePass(List<List<String>> blocks, Grant grant) {
    public ServicePass {
      blocks = List.copyOf(blocks);
    }

    boolean reaches(String service) {
      return blocks.stream().allMatch(b -> b.stream().anyMatch(p -> Wildcard.matchesIgnoreCase(p, service)));
    }
  }

  private static final String PASS_ROLE = "iam:passrole";

  /** The service-limited PassRole that hands a role to a service {@code path} passes roles to. */
  private static Optional<Grant> passFor(EscalationPaths.Path path, List<ServicePass> passes) {
    // Loops, not streams: this runs for every path of every principal, and nearly always on no pass at all.
    for (ServicePass p : passes) {
      for (String service : path.passedTo()) {
        if (p.reaches(service)) return Optional.of(p.grant());
      }
    }
    return Optional.empty();
  }

  /** Every action of the path is granted, its PassRole possibly only towards the path's service. */
  private static boolean open(EscalationPaths.Path path, Map<String, Grant> grants, List<ServicePass> passes) {
    List<String> keys = path.keys();
    for (int i = 0; i < keys.size(); i++) {
      String k = keys.get(i);
      if (grants.containsKey(k)) continue;
      if (!k.equals(PASS_ROLE) || passFor(path, passes).isEmpty()) return false;
    }
    return true;
  }

  /**
   * What the analysis knows of the principal beyond its policies: the day it is judged on
   * (statements shut in time on that day grant nothing; empty: not judged), and the customer
   * managed policies it holds, which a resource pattern such as {@code policy/team-*} may reach.
   * {@code mayHoldCustomerPolicy} is false when the principal certainly holds none (all its
   * policies are known, each inline or AWS managed): a new version of "any" policy is then a
   * version of someone else's, not of its own.
   */
  public record Context(Optional<LocalDate> day, List<OwnPolicy> ownPolicies, boolean judgesTime, boolean withoutMfa,
      boolean mayHoldCustomerPolicy) {
    public static final Context NONE = new Context(Optional.empty(), List.of(), false, false, true);

    public Context {
      ownPolicies = List.copyOf(ownPolicies);
    }

    /** Judged on {@code day}; with no day, a grant open only in a time window is undecided. */
    public Context(Optional<LocalDate> day, List<OwnPolicy> ownPolicies) {
      this(day, ownPolicies, true, false, true);
    }

    /**
     * The principal's sessions never carry MFA (a role that only AWS services assume): an Allow
     * that requires {@code aws:MultiFactorAuthPresent} to be true grants it nothing.
     */
    public Context sessionsWithoutMfa() {
      return new Context(day, ownPolicies, judgesTime, true, mayHoldCustomerPolicy);
    }

    /** The same, for a principal that holds a customer managed policy only when {@code may}. */
    public Context holdingCustomerPolicy(boolean may) {
      return new Context(day, ownPolicies, judgesTime, withoutMfa, may);
    }

    public static Context on(Optional<LocalDate> day) {
      return new Context(day, List.of());
    }

    public static Context on(LocalDate day) {
      return on(Optional.of(day));
    }
  }

  /** A customer managed policy of the principal, by the resource part of its ARN ({@code policy/team-admin}). */
  public record OwnPolicy(String resource) {}

  /** Writing a new version of a policy, or choosing an older one: on a policy one holds, that is escalation. */
  private static final Set<String> OWN_POLICY_WRITES = Set.of("iam:createpolicyversion", "iam:setdefaultpolicyversion");

  public static Result of(List<PolicyDocument> documents) {
    return of(documents, Optional.empty());
  }

  public static Result of(List<PolicyDocument> documents, Optional<List<PolicyDocument>> boundary) {
    return of(documents, boundary, Context.NONE);
  }

  /**
   * With a permissions boundary: only the actions the boundary also allows (any of its Allow
   * statements, whatever their resource or condition: a boundary is judged generously) and
   * does not deny everywhere stay granted.
   */
  public static Result of(List<PolicyDocument> documents, Optional<List<PolicyDocument>> boundary, Context context) {
    Map<String, Grant> grants = new LinkedHashMap<>();
    boolean admin = false;
    Map<String, Grant> maybe = new LinkedHashMap<>();
    List<ServicePass> passes = new ArrayList<>();
    for (PolicyDocument d : documents) {
      for (Statement s : d.statements()) {
        if (s.isAllow()) {
          Optional<Value> found = s.actionElement();
          if (found.isEmpty()) continue;
          Truth shut = context.judgesTime() ? TimeWindows.shut(s, context.day()) : Truth.FALSE;
          if (shut.isTrue() || (context.withoutMfa() && Conditions.requiresMfa(s.condition()))) continue;
          Value element = found.get();
          Truth unrestricted = shut.isFalse() ? Conditions.unrestrictedGrant(s.condition()) : Truth.UNKNOWN;
          if (unrestricted.isFalse()) {
            // iam:PassedToService limits the service a role goes to, not which role: paths through that service stay open.
            Optional<List<List<String>>> services = Conditions.passedToServiceOnly(s.condition());
            if (services.isPresent() && reachesOthers(s) && !otherServicesOnly(s, PASS_ROLE) && pathActions(s).contains(PASS_ROLE)) {
              passes.add(new ServicePass(services.get(), new Grant(d, s, naming(element, s, PASS_ROLE))));
            }
            continue;
          }
          if (!unrestricted.isTrue() || (!reachesOthers(s) && mayReachOthers(s))) {
            Value unknown = !unrestricted.isTrue() ? s.condition().orElseThrow() : s.resource().orElseThrow();
            for (String a : pathActions(s)) {
              if (!missesTargets(s, a)) maybe.putIfAbsent(a, new Grant(d, s, unknown));
            }
            continue;
          }
          if (reachesOthers(s)) {
            admin |= StatementScope.allActions(s).covers().isTrue() && StatementScope.allResources(s).covers().isTrue();
            for (String a : pathActions(s)) {
              if (!context.mayHoldCustomerPolicy() && OWN_POLICY_WRITES.contains(a)) continue;
              if (!missesTargets(s, a)) grants.putIfAbsent(a, new Grant(d, s, naming(element, s, a)));
            }
          } else if (onSelf(s)) {
            // Writing a policy onto oneself is the shortest escalation of all.
            for (String a : pathActions(s)) {
              if (SELF_POLICY_WRITES.contains(a)) grants.putIfAbsent(a, new Grant(d, s, naming(element, s, a)));
            }
          } else if (!context.ownPolicies().isEmpty()) {
            // iam:CreatePolicyVersion on policy/team-* while holding policy/team-admin: one's own policy.
            for (String a : pathActions(s)) {
              if (!OWN_POLICY_WRITES.contains(a)) continue;
              Truth own = reachesOwnPolicy(s, context.ownPolicies());
              if (own.isTrue()) grants.putIfAbsent(a, new Grant(d, s, naming(element, s, a)));
              else if (!own.isFalse()) maybe.putIfAbsent(a, new Grant(d, s, s.resource().orElseThrow()));
            }
          }
        }
      }
    }
    CertainDenies denies = CertainDenies.of(documents);
    grants.keySet().removeIf(denies::denies);
    if (denies.denies(PASS_ROLE)) passes.clear();
    List<EscalationPaths.Path> paths = new ArrayList<>();
    for (EscalationPaths.Path p : EscalationPaths.bundled().all()) {
      if (open(p, grants, passes)) paths.add(p);
    }
    maybe.keySet().removeIf(denies::denies);
    if (boundary.isPresent()) {
      // Each document is one branch of the boundary: what any branch lets through may apply.
      Set<String> allowed = new LinkedHashSet<>();
      boolean allowsAll = false;
      for (PolicyDocument d : boundary.get()) {
        Set<String> branch = new LinkedHashSet<>();
        Set<String> capped = new LinkedHashSet<>();
        boolean everything = false;
        for (Statement s : d.statements()) {
          if (s.isAllow()) {
            branch.addAll(pathActions(s));
            everything |= StatementScope.allActions(s).covers().isTrue() && s.notAction().isEmpty();
          } else if (s.isDeny() && s.condition().isEmpty() && s.notResource().isEmpty()
              && StatementScope.allResources(s).covers().isTrue()) {
            capped.addAll(pathActions(s));
          }
        }
        branch.removeAll(capped);
        allowed.addAll(branch);
        allowsAll |= everything && capped.isEmpty();
      }
      grants.keySet().retainAll(allowed);
      maybe.keySet().retainAll(allowed);
      if (!allowed.contains(PASS_ROLE)) passes.clear();
      admin &= allowsAll;
      paths.removeIf(p -> !open(p, grants, passes));
    }
    return new Result(paths, grants, admin && !grants.isEmpty(), denies.uncertain(), maybe, passes);
  }

  /** Every action some path needs, lower case: the only ones the analysis has to follow. */
  private static final class PathActions {
    static final List<String> ALL = EscalationPaths.bundled().all().stream().flatMap(p -> p.keys().stream())
        .distinct().sorted().toList();
    /** The same by service prefix: a pattern whose service is written out can only match those. */
    static final Map<String, List<String>> BY_SERVICE = ALL.stream()
        .collect(Collectors.groupingBy(a -> a.substring(0, a.indexOf(':')), Collectors.toList()));

    /** The path actions a lower-case pattern may match. */
    static List<String> candidates(String pattern) {
      int colon = pattern.indexOf(':');
      if (colon < 0) return ALL;
      String service = pattern.substring(0, colon);
      if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) return ALL;
      return BY_SERVICE.getOrDefault(service, List.of());
    }
  }

  /**
   * The path actions a statement names (Action patterns matching them; NotAction not excluding
   * them): the same as expanding through the catalogue, limited to what matters here.
   */
  private static List<String> pathActions(Statement s) {
    List<String> patterns = new ArrayList<>();
    Optional<Value> element = s.actionElement();
    if (element.isEmpty()) return List.of();
    int items = 0;
    for (Value item : element.get().items()) {
      items++;
      for (Value v : item.alternatives()) v.asText().map(String::trim).ifPresent(patterns::add);
    }
    if (s.action().isEmpty() && patterns.size() < items) return List.of(); // an unknown exclusion may exclude anything
    // The same statements come back for every principal an AWS managed policy is attached to
    // (ReadOnlyAccess: thousands of patterns against every path action): matched once.
    return MATCHED.computeIfAbsent(new Patterns(s.action().isPresent(), patterns), k -> match(k.action(), k.patterns()));
  }

  private record Patterns(boolean action, List<String> patterns) {
    // Written out (the values the record's own give): the generated ones are bound on first use
    // through method handles, which a fresh JVM builds at some cost.
    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Patterns p && action == p.action && Objects.equals(patterns, p.patterns);
    }

    @Override
    public int hashCode() {
      return Boolean.hashCode(action) * 31 + Objects.hashCode(patterns);
    }
  }

  /** The path actions of statements already seen, by their patterns; at most {@value #MATCHED_KEPT} kept. */
  private static final int MATCHED_KEPT = 1024;

  private static final Map<Patterns, List<String>> MATCHED = Collections.synchronizedMap(
      new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Patterns, List<String>> eldest) {
          return size() > MATCHED_KEPT;
        }
      });

  private static List<String> match(boolean action, List<String> patterns) {
    // ReadOnlyAccess names thousands of patterns: each is compared with the path actions of its
    // own service only, and the path actions are lower-case keys, so each pattern is lowered once.
    Set<String> matched = new HashSet<>();
    for (String pattern : patterns) {
      String p = pattern.toLowerCase(Locale.ROOT);
      for (String a : PathActions.candidates(p)) {
        if (Wildcard.matches(p, a)) matched.add(a);
      }
    }
    return PathActions.ALL.stream().filter(a -> matched.contains(a) == action).toList();
  }

  /**
   * The value that grants {@code action}: the item of the Action list whose pattern names it (a
   * finding points at that line, not at the start of the list), or the NotAction element.
   */
  private static Value naming(Value element, Statement s, String action) {
    if (s.action().isEmpty()) return element;
    for (Value v : s.listedActions()) {
      if (v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), action)).orElse(false)) return v;
    }
    return element;
  }

  private static final Set<String> SELF_POLICY_WRITES = Set.of("iam:putuserpolicy", "iam:attachuserpolicy");

  /** Resources that name the caller's own user through a policy variable. */
  private static boolean onSelf(Statement s) {
    if (s.resource().isEmpty()) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String> text = resourceText(v);
        if (text.isPresent() && text.get().contains(":user/${aws:username}")) return true;
      }
    }
    return false;
  }

  /**
   * Whether a resource of the statement is the ARN of one of {@code own}: partition {@code aws}
   * (or not known: one deployment has one partition), service iam, no region, any account, and
   * the resource part matching {@code policy<path><name>}. An account that is written (or not
   * known) may or may not be the principal's: UNKNOWN; a policy of account {@code aws} never is.
   */
  private static Truth reachesOwnPolicy(Statement s, List<OwnPolicy> own) {
    if (s.resource().isEmpty()) return Truth.FALSE;
    Truth result = Truth.FALSE;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String> text = resourceText(v).map(String::trim);
        if (text.isEmpty()) {
          result = result.or(Truth.UNKNOWN);
          continue;
        }
        result = result.or(reachesOwnPolicy(text.get(), own));
      }
    }
    return result;
  }

  private static Truth reachesOwnPolicy(String arn, List<OwnPolicy> own) {
    String hole = String.valueOf(Value.Unknown.HOLE);
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) return Truth.FALSE;
    if (!parts[1].contains(hole) && !Wildcard.matches(parts[1], "aws")) return Truth.FALSE;
    if (!Wildcard.matchesIgnoreCase(parts[2], "iam") || !Wildcard.matches(parts[3], "")) return Truth.FALSE;
    Truth account;
    if (parts[4].chars().allMatch(c -> c == '*')) {
      account = Truth.TRUE;
    } else if (parts[4].contains(hole) || parts[4].matches("[0-9*?]+")) {
      account = Truth.UNKNOWN; // the principal's account is not known
    } else {
      return Truth.FALSE;
    }
    if (parts[5].contains(hole)) {
      String known = parts[5].substring(0, parts[5].indexOf(hole));
      boolean may = own.stream().anyMatch(p -> Wildcard.matches(known + "*", p.resource()));
      return may ? Truth.UNKNOWN : Truth.FALSE;
    }
    boolean matches = own.stream().anyMatch(p -> Wildcard.matches(parts[5], p.resource()));
    return matches ? account : Truth.FALSE;
  }

  /** Every resource the statement names is everything, or a whole type of resource. */
  static boolean reachesOthers(Statement s) {
    if (StatementScope.allResources(s).covers().isTrue()) return true;
    if (s.resource().isEmpty()) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        // arn:aws:iam::<unknown account>:role/* still names every role.
        Optional<String[]> parts = arnParts(v);
        if (parts.isEmpty() || !WHOLE_TYPE.matcher(parts.get()[5]).matches()) return false;
      }
    }
    return true;
  }

  /**
   * Whether every resource of the statement is known and none is of a type through which
   * {@code action} reaches what its paths abuse ({@code ssm:StartSession} on {@code document/*}
   * only opens no session). Unknown resources may be anything: they do not miss.
   */
  static boolean missesTargets(Statement s, String action) {
    if (otherServicesOnly(s, action)) return true;
    Set<String> targets = EscalationPaths.bundled().targets(action);
    if (targets.isEmpty()) return ofOtherTypesOnly(s, action);
    if (s.resource().isEmpty()) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        // A region or account known only at plan leaves the service and the type known.
        Optional<String[]> arn = arnParts(v);
        if (arn.isEmpty() || !fixed(arn.get()[2])) return false;
        String[] parts = arn.get();
        // arn:aws:s3:::* is no instance, whatever its resource part.
        String service = parts[2].toLowerCase(Locale.ROOT);
        if (targets.stream().noneMatch(t -> t.startsWith(service + ":"))) continue;
        String type = parts[5].split("[/:]", 2)[0];
        if (!fixed(type)) return false;
        if (targets.contains((parts[2] + ":" + type).toLowerCase(Locale.ROOT))) return false;
      }
    }
    return true;
  }

  /**
   * Whether every resource of the statement is an ARN of the action's own service whose type is
   * written out and is none of the types the action catalogue gives the action: {@code
   * iam:CreateAccessKey} acts on users, so {@code role/*} grants it on nothing. A resource of
   * another service, or of a type not written out, may be one it acts on: it does not miss.
   */
  static boolean ofOtherTypesOnly(Statement s, String action) {
    if (s.resource().isEmpty() || s.resource().get().items().isEmpty()) return false;
    Optional<ActionCatalog.Action> known = ActionCatalog.bundled().action(action);
    if (known.isEmpty() || known.get().resourceTypes().isEmpty()) return false;
    String service = known.get().service().toLowerCase(Locale.ROOT);
    // An S3 ARN names its bucket where other services write the type.
    if (service.equals("s3")) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String[]> arn = arnParts(v);
        if (arn.isEmpty() || !arn.get()[2].toLowerCase(Locale.ROOT).equals(service)) return false;
        String type = arn.get()[5].split("[/:]", 2)[0];
        if (!fixed(type) || arn.get()[5].equals(type)) return false;
        if (known.get().resourceTypes().stream().anyMatch(t -> t.equalsIgnoreCase(type))) return false;
      }
    }
    return true;
  }

  /** An ARN segment written out: no wildcard and no part known only at plan. */
  static boolean fixed(String segment) {
    return !segment.isEmpty() && segment.indexOf('*') < 0 && segment.indexOf('?') < 0 && segment.indexOf(Value.Unknown.HOLE) < 0;
  }

  /**
   * The services whose resources a path action of another service acts on: STS assumes IAM
   * roles, Systems Manager runs
   * commands and sessions on EC2 instances and ECS tasks (with output to S3), EC2 Instance Connect
   * on instances, and an EC2 launch names a License Manager configuration or an accelerator.
   */
  private static final Map<String, Set<String>> RESOURCES_OF_OTHER_SERVICES = Map.of(
      "ssm", Set.of("ec2", "ecs", "s3"),
      "sts", Set.of("iam"),
      "ec2-instance-connect", Set.of("ec2"),
      "ec2", Set.of("license-manager", "elastic-inference"));

  /** The services whose resources {@code action} acts on: its own, and those its service acts on. */
  static Set<String> servicesActedOn(String action) {
    String service = action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase(Locale.ROOT);
    Set<String> out = new HashSet<>(RESOURCES_OF_OTHER_SERVICES.getOrDefault(service, Set.of()));
    out.add(service);
    return out;
  }

  /**
   * Whether every resource of the statement is the ARN of a named service that {@code action}
   * never acts on: {@code "*"} on {@code arn:aws:s3:::app-bucket/*} grants no IAM action (an S3
   * object is no policy, role or user), however its resource part reads. A resource whose service
   * is a pattern or not known may be anything.
   */
  static boolean otherServicesOnly(Statement s, String action) {
    if (s.resource().isEmpty() || s.resource().get().items().isEmpty()) return false;
    String service = action.substring(0, Math.max(0, action.indexOf(':'))).toLowerCase(Locale.ROOT);
    Set<String> actedOn = RESOURCES_OF_OTHER_SERVICES.getOrDefault(service, Set.of());
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        Optional<String[]> parts = arnParts(v);
        if (parts.isEmpty() || !fixed(parts.get()[2])) return false;
        String of = parts.get()[2].toLowerCase(Locale.ROOT);
        if (of.equals(service) || actedOn.contains(of)) return false;
      }
    }
    return true;
  }

  /** The six fields of a resource that is an ARN, read from its text or the known part of it. */
  static Optional<String[]> arnParts(Value v) {
    return resourceText(v).map(t -> t.trim().split(":", 6)).filter(p -> p.length == 6 && p[0].equals("arn"));
  }

  /** A resource's text, or the known part of it ({@code arn:aws:iam::…:role/*} still names every role). */
  static Optional<String> resourceText(Value v) {
    return v.asText().or(() -> v instanceof Value.Unknown u ? u.partial() : Optional.empty());
  }

  /** Some resource is not known at all: it may be {@code *}. */
  private static boolean mayReachOthers(Statement s) {
    if (s.resource().isEmpty()) return false;
    for (Value item : s.resource().get().items()) {
      for (Value v : item.alternatives()) {
        if (resourceText(v).isEmpty()) return true;
      }
    }
    return false;
  }
}
