package dev.iamlint.model;

import dev.iamlint.value.Provenance;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The common model of everything scanned, whatever the format. Elements refer to each other by
 * {@link Value}s (a name, or an unknown that keeps a {@link Reference}); the lookups here are
 * the one place that decides whether such a value designates a given element.
 */
public record IamModel(List<ResourceRef> resources, List<User> users, List<Group> groups, List<Role> roles,
    List<InstanceProfile> instanceProfiles, List<GroupMembership> memberships, List<PolicyAttachment> attachments,
    List<CustomerPolicy> customerPolicies, List<InlinePolicy> inlinePolicies, List<AccessKey> accessKeys,
    List<LoginProfile> loginProfiles, List<Trail> trails, List<ComputeInstance> computeInstances,
    List<PasswordPolicy> passwordPolicies, List<ConfigRule> configRules, List<AccessAnalyzer> accessAnalyzers,
    List<StaticCredential> credentials, List<MetricFilter> metricFilters, List<MetricAlarm> metricAlarms,
    List<SecretSink> secretSinks, List<PermissionsBoundary> boundaries, List<Deployment> deployments,
    List<ServiceLaunch> serviceLaunches, List<TrustDocument> trustDocuments,
    List<CredentialReportLine> credentialReport, List<CodeInventory> codeInventories, List<MetricFilter> filtersNotCreated,
    List<UnreadCall> unreadCalls, ModelIndex index) {

  public IamModel {
    resources = List.copyOf(resources);
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    roles = List.copyOf(roles);
    instanceProfiles = List.copyOf(instanceProfiles);
    memberships = List.copyOf(memberships);
    attachments = List.copyOf(attachments);
    customerPolicies = List.copyOf(customerPolicies);
    inlinePolicies = List.copyOf(inlinePolicies);
    accessKeys = List.copyOf(accessKeys);
    loginProfiles = List.copyOf(loginProfiles);
    trails = List.copyOf(trails);
    computeInstances = List.copyOf(computeInstances);
    passwordPolicies = List.copyOf(passwordPolicies);
    configRules = List.copyOf(configRules);
    accessAnalyzers = List.copyOf(accessAnalyzers);
    credentials = List.copyOf(credentials);
    metricFilters = List.copyOf(metricFilters);
    metricAlarms = List.copyOf(metricAlarms);
    secretSinks = List.copyOf(secretSinks);
    boundaries = List.copyOf(boundaries);
    deployments = List.copyOf(deployments);
    serviceLaunches = List.copyOf(serviceLaunches);
    trustDocuments = List.copyOf(trustDocuments);
    credentialReport = List.copyOf(credentialReport);
    codeInventories = List.copyOf(codeInventories);
    filtersNotCreated = List.copyOf(filtersNotCreated);
    unreadCalls = List.copyOf(unreadCalls);
  }

  /**
   * Whether {@code service} starts instances from {@code template}: TRUE by its reference, UNKNOWN
   * when the template id the service names is not known.
   */
  public Truth launches(ServiceLaunch service, ComputeInstance template) {
    if (template.kind() != ComputeInstance.Kind.LAUNCH_TEMPLATE) return Truth.FALSE;
    Truth named = designates(service.template(), service.resource(), template.resource(), template.name()
        .orElseGet(() -> new Value.Null(template.resource().header(), Provenance.LITERAL)));
    // An id given to the service's stack (a parameter with no value, passed by a parent stack the
    // scan cannot follow) may be the id of a template in any file of the scan.
    boolean open = service.template().alternatives().stream().anyMatch(v -> v instanceof Value.Unknown u
        && u.reference().isEmpty() && u.cause() != Value.Cause.UNDECLARED);
    return named.isFalse() && open ? Truth.UNKNOWN : named;
  }

  /**
   * Whether {@code ref} designates the element declared as {@code target} with name {@code
   * name}. A reference decides by address; a known name by case-insensitive equality (IAM names
   * are unique regardless of case); an input with no value may designate anything.
   */
  public static Truth designates(Value ref, ResourceRef target, Value name) {
    Truth result = Truth.FALSE;
    for (Value alternative : ref.alternatives()) {
      result = result.or(designatesOne(alternative, target, name));
    }
    return result;
  }

  private static Truth designatesOne(Value ref, ResourceRef target, Value name) {
    if (ref instanceof Value.Unknown u) {
      if (u.reference().isPresent()) {
        Reference r = u.reference().get();
        return Truth.of(r.scope().equals(target.scope()) && r.address().equals(target.address()));
      }
      if (u.cause() == Value.Cause.UNDECLARED) return Truth.FALSE;
      // arn:aws:iam::<unknown account>:user/path/heidi still names heidi.
      Optional<String> own = name.asText();
      if (u.partial().isPresent() && own.isPresent()) {
        String partial = u.partial().get();
        int slash = partial.lastIndexOf('/');
        if (partial.startsWith("arn:") && slash >= 0 && partial.indexOf(Value.Unknown.HOLE, slash) < 0) {
          return Truth.of(partial.substring(slash + 1).equalsIgnoreCase(own.get()));
        }
      }
      return Truth.UNKNOWN;
    }
    Optional<String> text = ref.asText();
    if (text.isEmpty()) return Truth.FALSE;
    Optional<String> own = name.asText();
    if (own.isPresent()) return Truth.of(own.get().equalsIgnoreCase(text.get()) || arnNames(text.get(), own.get()));
    // A generated name never equals a name written elsewhere.
    return Truth.FALSE;
  }

  /**
   * Whether {@code ref}, written in element {@code from}, designates {@code target}. Across
   * deployments only a known name or a reference into a template (through its exports) can: a
   * Terraform reference never leaves its root module (a module called by two root modules has the
   * same scope and addresses in both, but they are different resources), an unknown name never
   * matches an element of another, and deployments pinned to different accounts share nothing.
   */
  public Truth designates(Value ref, ResourceRef from, ResourceRef target, Value name) {
    if (from.deployment().equals(target.deployment())) return designates(ref, target, name);
    if (!sameAccount(from, target)) return Truth.FALSE;
    Truth result = Truth.FALSE;
    for (Value alternative : ref.alternatives()) {
      if (alternative instanceof Value.Unknown u
          && !u.reference().map(r -> r.scope().equals(target.deployment())).orElse(false)) continue;
      result = result.or(designatesOne(alternative, target, name));
    }
    return result;
  }

  /** {@code arn:aws:iam::123:user/path/alice} names user {@code alice}. */
  private static boolean arnNames(String text, String name) {
    if (!text.startsWith("arn:")) return false;
    int slash = text.lastIndexOf('/');
    return slash >= 0 && text.substring(slash + 1).equalsIgnoreCase(name);
  }

  /**
   * The first call outside the scan that is handed the principal declared as {@code principal}
   * with {@code name}: an argument value that certainly designates it (its name, its ARN, a
   * reference to it), however deep in lists and maps. What that call does to the principal is
   * not known.
   */
  public Optional<UnreadCall> handedOutside(ResourceRef principal, Value name) {
    for (Map.Entry<Value, UnreadCall> handed : index.handOffs(principal, name)) {
      if (designates(handed.getKey(), handed.getValue().resource(), principal, name).isTrue()) return Optional.of(handed.getValue());
    }
    return Optional.empty();
  }

  /** The declared resource a reference points at, whatever its kind. */
  public Optional<ResourceRef> declaration(Value ref) {
    if (!(ref instanceof Value.Unknown u) || u.reference().isEmpty()) return Optional.empty();
    Reference r = u.reference().get();
    return Optional.ofNullable(index.declarations.get(ModelIndex.Candidates.reference(r.scope(), r.address())));
  }

  public Optional<User> user(Value ref) {
    return user(ref, Optional.empty());
  }

  public Optional<Role> role(Value ref) {
    return role(ref, Optional.empty());
  }

  public Optional<InstanceProfile> instanceProfile(Value ref) {
    return instanceProfile(ref, Optional.empty());
  }

  public Optional<CustomerPolicy> customerPolicy(Value ref) {
    return customerPolicy(ref, Optional.empty());
  }

  /** The user {@code ref} designates, as written in element {@code from} (the nearest declaration wins). */
  public Optional<User> user(Value ref, Optional<ResourceRef> from) {
    return nearest(index.users.of(ref), from, User::resource, User::name, ref);
  }

  public Optional<Role> role(Value ref, Optional<ResourceRef> from) {
    return nearest(index.roles.of(ref), from, Role::resource, Role::name, ref);
  }

  public Optional<Group> group(Value ref, Optional<ResourceRef> from) {
    return nearest(index.groups.of(ref), from, Group::resource, Group::name, ref);
  }

  public Optional<InstanceProfile> instanceProfile(Value ref, Optional<ResourceRef> from) {
    return nearest(index.instanceProfiles.of(ref), from, InstanceProfile::resource, InstanceProfile::name, ref);
  }

  public Optional<CustomerPolicy> customerPolicy(Value ref, Optional<ResourceRef> from) {
    return nearest(index.customerPolicies.of(ref), from, CustomerPolicy::resource, CustomerPolicy::name, ref);
  }

  /**
   * Of the elements a value designates, the one declared nearest to the element that names it:
   * in the same module instance or template, else the same deployment, else anywhere, when only
   * one other deployment declares it. The same name written in two module instances (a role
   * created in each of four accounts) names the instance's own role, never the first one found.
   * {@code items} are the index's candidates.
   */
  private <T> Optional<T> nearest(List<T> items, Optional<ResourceRef> from,
      Function<T, ResourceRef> resource, Function<T, Value> name, Value ref) {
    T sameDeployment = null;
    T anywhere = null;
    boolean elsewhereTwice = false;
    for (T item : items) {
      ResourceRef r = resource.apply(item);
      Truth designated = from.isPresent() ? designates(ref, from.get(), r, name.apply(item)) : designates(ref, r, name.apply(item));
      if (!designated.isTrue()) continue;
      if (from.isEmpty()) return Optional.of(item);
      // A module called by two root modules has the same scope in both: the same instance is also the same deployment.
      boolean inDeployment = r.deployment().equals(from.get().deployment());
      if (inDeployment && r.scope().equals(from.get().scope())) return Optional.of(item);
      if (sameDeployment == null && inDeployment) sameDeployment = item;
      if (anywhere == null) anywhere = item;
      else if (!resource.apply(anywhere).deployment().equals(r.deployment())) elsewhereTwice = true;
    }
    if (sameDeployment != null) return Optional.of(sameDeployment);
    // The name is declared in two other deployments (two accounts: an IAM name is unique in one):
    // which one, if either, this element's account holds is not known.
    return elsewhereTwice ? Optional.empty() : Optional.ofNullable(anywhere);
  }

  /** The deployment an element belongs to (an element of no known deployment is its own). */
  public Deployment deploymentOf(ResourceRef r) {
    Deployment d = index.deployments.get(r.deployment());
    return d != null ? d : Deployment.of(r.deployment());
  }

  /**
   * Whether two elements may live in the same account: not when their deployments are known to
   * target different accounts. An IAM name is unique per account, not across accounts.
   */
  public boolean sameAccount(ResourceRef a, ResourceRef b) {
    if (a.deployment().equals(b.deployment())) return true;
    return !deploymentOf(a).certainlyApartFrom(deploymentOf(b));
  }

  /**
   * Whether project-level rules (PWD001, CT001, MON*, REV*) judge what this element's project
   * lacks: it belongs to a deployment, not to a reusable module scanned as a library.
   */
  public boolean deployed(ResourceRef r) {
    return !deploymentOf(r).library();
  }

  /**
   * The first part of a deployment that could not be read (a module not installed, a nested
   * stack): what a project-level rule finds missing may be defined there. Libraries count only
   * for an account baseline, where every scanned unit is the account.
   */
  public Optional<UnreadPart> unreadPart(boolean accountBaseline) {
    return deployments.stream().filter(d -> accountBaseline || !d.library())
        .flatMap(d -> d.unread().stream()).min(Comparator.comparing(UnreadPart::location));
  }

  /**
   * The first part of the element's own deployment that could not be read and may name the
   * element without being handed it (a loop, a macro; see {@link UnreadPart#call}): a call
   * outside the scan reaches it only through its arguments ({@link #handedOutside}).
   */
  public Optional<UnreadPart> unreadPartNaming(ResourceRef r) {
    return deploymentOf(r).unread().stream().filter(p -> !p.call()).min(Comparator.comparing(UnreadPart::location));
  }

  /** Whether the user is in at least one group: TRUE, FALSE, or UNKNOWN when a membership names an unknown user. */
  public Truth inSomeGroup(User user) {
    Truth result = Truth.FALSE;
    for (GroupMembership m : index.memberships.candidates(user.resource(), user.name())) {
      result = result.or(designates(m.user(), m.resource(), user.resource(), user.name()));
    }
    // A membership whose user is an input with no value may be this user's.
    if (!result.isTrue() && index.memberships.mayDesignateAny(user.resource(), user.name())) result = Truth.UNKNOWN;
    return result;
  }

  /** The user's login profiles that certainly exist (one that may not be created decides nothing). */
  public List<LoginProfile> loginProfiles(User user) {
    List<LoginProfile> out = new ArrayList<>();
    for (LoginProfile p : index.loginProfiles.candidates(user.resource(), user.name())) {
      if (p.resource().mayNotExist().isEmpty() && designates(p.user(), p.resource(), user.resource(), user.name()).isTrue()) out.add(p);
    }
    return out;
  }

  /** The user's access keys that certainly exist (one that may not be created decides nothing). */
  public List<AccessKey> accessKeys(User user) {
    List<AccessKey> out = new ArrayList<>();
    for (AccessKey k : index.accessKeys.candidates(user.resource(), user.name())) {
      if (k.resource().mayNotExist().isEmpty() && designates(k.user(), k.resource(), user.resource(), user.name()).isTrue()) out.add(k);
    }
    return out;
  }

  /** All the elements a rule may locate a project-level finding at: IAM identities and policies. */
  public List<ResourceRef> iamResources() {
    List<ResourceRef> out = new ArrayList<>();
    users.forEach(u -> out.add(u.resource()));
    groups.forEach(g -> out.add(g.resource()));
    roles.forEach(r -> out.add(r.resource()));
    customerPolicies.forEach(p -> out.add(p.resource()));
    inlinePolicies.forEach(p -> out.add(p.resource()));
    attachments.forEach(a -> out.add(a.resource()));
    return out;
  }
}
