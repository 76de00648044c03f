package dev.iamlint.iam;

import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Group;
import dev.iamlint.model.GroupMembership;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.IndexKey;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PermissionsBoundary;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.model.User;
import dev.iamlint.value.Reference;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The identity policies that apply to a principal, wherever they are declared: inline policies
 * and policies put on it by a standalone policy resource, attached customer managed policies
 * (followed to their documents), AWS managed policies (their bundled documents), and for a user
 * those of every group it is in. {@code complete} is false when some policy may apply that
 * cannot be read (an ARN outside the scan, a membership or link to a name that is not known):
 * an absence concluded from these sources is then not certain.
 */
public record EffectivePolicies(List<Source> sources, boolean complete, Boundary boundary) {

  public EffectivePolicies {
    sources = List.copyOf(sources);
  }

  public EffectivePolicies(List<Source> sources, boolean complete) {
    this(sources, complete, Boundary.NONE);
  }

  /**
   * The permissions boundary of a user or role: none, the documents of its policy (each branch
   * of a condition included), or a policy that cannot be read ({@code unknown} says which).
   */
  public record Boundary(List<PolicyDocument> documents, Optional<Value> unknown, boolean present) {
    public static final Boundary NONE = new Boundary(List.of(), Optional.empty(), false);

    public Boundary {
      documents = List.copyOf(documents);
    }

    public boolean known() {
      return !present || unknown.isEmpty();
    }
  }

  /**
   * The boundary of a permission set, named by {@code link} (a reference to it; a permission set
   * is no principal of the model, so its boundary is kept under the address it is declared at).
   */
  public static Boundary permissionSetBoundary(IamModel model, PrincipalLink link, ResourceRef from) {
    if (link.kind() != PrincipalKind.PERMISSION_SET) return Boundary.NONE;
    Optional<Reference> set = link.target().alternatives().size() == 1 && link.target() instanceof Value.Unknown u
        ? u.reference() : Optional.empty();
    if (set.isEmpty()) return Boundary.NONE;
    return boundary(model, ResourceRef.namedBy(set.get().scope(), set.get().address(), "aws_ssoadmin_permission_set", from));
  }

  private static Boundary boundary(IamModel model, ResourceRef principal) {
    Optional<PermissionsBoundary> b = model.boundaries().stream()
        .filter(x -> x.principal().scope().equals(principal.scope()) && x.principal().address().equals(principal.address())
            && x.principal().deployment().equals(principal.deployment()))
        .findFirst();
    if (b.isEmpty()) return Boundary.NONE;
    List<PolicyDocument> docs = new ArrayList<>();
    for (Value arn : b.get().policy().alternatives()) {
      // No boundary in this branch ("" or null, as Terraform reads them): nothing is capped.
      if (arn instanceof Value.Null || arn.asText().map(String::isBlank).orElse(false)) return Boundary.NONE;
      Optional<String> managed = ManagedPolicyArn.awsManagedName(arn);
      Optional<PolicyDocument> doc = managed.isPresent() ? ManagedPolicyDocuments.document(managed.get(), arn.location())
          : customerPolicy(model, arn, Optional.of(principal)).map(CustomerPolicy::document);
      if (doc.isEmpty() || !doc.get().complete() || !fullyKnown(doc.get())) return new Boundary(List.of(), Optional.of(arn), true);
      docs.add(doc.get());
    }
    return new Boundary(docs, Optional.empty(), true);
  }

  /**
   * One policy of the principal. {@code resource} is where it is declared (the policy, the
   * attachment, or the principal itself); {@code description} names it for messages ("inline
   * policy \"deploy\" of role r", "AWS managed policy IAMFullAccess"); {@code group} is the
   * group it comes through, for a user; {@code conditional} marks one branch of an attachment
   * whose policy depends on a condition ({@code var.prod ? a.arn : b.arn}): it may not apply.
   * {@code arnResource} is, for a customer managed policy, the resource part of its ARN;
   * {@code awsManaged} is, for an AWS managed policy, its name.
   */
  public record Source(PolicyDocument document, ResourceRef resource, String description, Optional<Group> group,
      boolean conditional, Optional<String> arnResource, Optional<String> awsManaged) {
    public Source(PolicyDocument document, ResourceRef resource, String description, Optional<Group> group) {
      this(document, resource, description, group, false);
    }

    public Source(PolicyDocument document, ResourceRef resource, String description, Optional<Group> group,
        boolean conditional) {
      this(document, resource, description, group, conditional, Optional.empty(), Optional.empty());
    }

    public Source(PolicyDocument document, ResourceRef resource, String description, Optional<Group> group,
        boolean conditional, Optional<String> arnResource) {
      this(document, resource, description, group, conditional, arnResource, Optional.empty());
    }
  }

  /** The customer managed policies that certainly apply, by their ARN: a resource pattern may reach them. */
  public List<Escalation.OwnPolicy> ownPolicies() {
    return sources.stream().filter(s -> !s.conditional()).flatMap(s -> s.arnResource().stream())
        .distinct().map(Escalation.OwnPolicy::new).toList();
  }

  /**
   * Whether the principal may hold a customer managed policy: false only when all its policies
   * are known and each is inline or AWS managed.
   */
  public boolean mayHoldCustomerPolicy() {
    return !complete || sources.stream().anyMatch(s -> s.awsManaged().isEmpty() && CUSTOMER_POLICY_TYPES.contains(s.resource().type()));
  }

  private static final Set<String> CUSTOMER_POLICY_TYPES = Set.of("aws_iam_policy", "AWS::IAM::ManagedPolicy");

  /** The documents of the policies that certainly apply (not one branch of a condition). */
  public List<PolicyDocument> certainDocuments() {
    return sources.stream().filter(s -> !s.conditional()).map(Source::document).toList();
  }

  /** The documents of every policy that may apply. */
  public List<PolicyDocument> documents() {
    return sources.stream().map(Source::document).toList();
  }

  /** The links of one model, indexed once: rules ask for every principal of a large project. */
  private record Indexes(IamModel model, LinkIndex<InlinePolicy> inline, LinkIndex<PolicyAttachment> attachments,
      LinkIndex<GroupMembership> memberships, Map<IndexKey, List<CustomerPolicy>> policies) {}

  private static volatile Indexes last;

  private static Indexes indexes(IamModel model) {
    Indexes current = last;
    if (current != null && current.model() == model) return current;
    return build(model);
  }

  /** Built once per model: the rules that need it run side by side, and the first builds it for all. */
  private static synchronized Indexes build(IamModel model) {
    Indexes current = last;
    if (current != null && current.model() == model) return current;
    Indexes built = new Indexes(model, new LinkIndex<>(model.inlinePolicies(), InlinePolicy::principals),
        new LinkIndex<>(model.attachments(), a -> List.of(a.principal())),
        new LinkIndex<>(model.memberships(), m -> List.of(new PrincipalLink(PrincipalKind.USER, m.user()))),
        policiesByKey(model));
    last = built;
    return built;
  }

  private static Map<IndexKey, List<CustomerPolicy>> policiesByKey(IamModel model) {
    Map<IndexKey, List<CustomerPolicy>> out = new HashMap<>();
    for (CustomerPolicy p : model.customerPolicies()) {
      out.computeIfAbsent(IndexKey.reference(p.resource()), k -> new ArrayList<>(1)).add(p);
      p.name().asText().ifPresent(n -> out.computeIfAbsent(IndexKey.named(n.toLowerCase(Locale.ROOT)), k -> new ArrayList<>(1)).add(p));
    }
    return out;
  }

  /**
   * The customer managed policy a value (an ARN, a name, a reference) designates, as
   * {@link IamModel#customerPolicy} decides, found through an index for the common shapes.
   */
  public static Optional<CustomerPolicy> customerPolicy(IamModel model, Value ref) {
    return customerPolicy(model, ref, Optional.empty());
  }

  /**
   * The same, as written in element {@code from}: a module called by two root modules declares
   * its policy in each, at the same address; the element's own deployment holds the one it means.
   */
  public static Optional<CustomerPolicy> customerPolicy(IamModel model, Value ref, Optional<ResourceRef> from) {
    Map<IndexKey, List<CustomerPolicy>> byKey = indexes(model).policies();
    if (ref instanceof Value.Unknown u && u.reference().isPresent()) {
      // A reference designates only the declaration it points at.
      return nearest(byKey.get(IndexKey.reference(u.reference().get().scope(), u.reference().get().address())), ref, from);
    }
    Optional<String> text = ref.asText();
    if (text.isPresent()) {
      String t = text.get();
      String last = t.startsWith("arn:") && t.lastIndexOf('/') >= 0 ? t.substring(t.lastIndexOf('/') + 1) : t;
      // A known name designates only a policy of that name.
      return nearest(byKey.get(IndexKey.named(last.toLowerCase(Locale.ROOT))), ref, from);
    }
    // The one declared nearest to the element first, else any it designates (a policy of
    // another template named by an ARN whose account is the deploying one).
    return model.customerPolicy(ref, from).or(() -> model.customerPolicy(ref));
  }

  /**
   * Of the indexed candidates {@code ref} designates, the one in {@code from}'s deployment first,
   * else the first (a policy of another template named by its ARN).
   */
  private static Optional<CustomerPolicy> nearest(List<CustomerPolicy> candidates, Value ref, Optional<ResourceRef> from) {
    if (candidates == null) return Optional.empty();
    CustomerPolicy first = null;
    for (CustomerPolicy p : candidates) {
      if (!IamModel.designates(ref, p.resource(), p.name()).isTrue()) continue;
      if (from.isEmpty() || p.resource().deployment().equals(from.get().deployment())) return Optional.of(p);
      if (first == null) first = p;
    }
    return Optional.ofNullable(first);
  }

  /** Every statement's effect and action element known: a boundary is judged only then. */
  private static boolean fullyKnown(PolicyDocument d) {
    for (Statement s : d.statements()) {
      if (!s.isAllow() && !s.isDeny()) return false;
      if (s.actionElement().isEmpty()) return false;
      for (Value v : s.actionPatterns()) {
        if (v.asText().isEmpty()) return false;
      }
    }
    return true;
  }

  /** Customer policies used as a permissions boundary somewhere, and not attached as identity policies. */
  public static Set<CustomerPolicy> boundaryOnly(IamModel model) {
    Set<CustomerPolicy> boundaries = Collections.newSetFromMap(new IdentityHashMap<>());
    for (PermissionsBoundary b : model.boundaries()) {
      for (Value v : b.policy().alternatives()) customerPolicy(model, v, Optional.of(b.principal())).ifPresent(boundaries::add);
    }
    if (boundaries.isEmpty()) return boundaries;
    for (PolicyAttachment a : model.attachments()) {
      for (Value v : a.policy().alternatives()) customerPolicy(model, v, Optional.of(a.resource())).ifPresent(boundaries::remove);
    }
    return boundaries;
  }

  /** A principal a policy is put on, as named in element {@code from} (the attachment or the inline policy). */
  public record PutOn(PrincipalLink principal, ResourceRef from) {}

  /**
   * The Denies that apply wherever {@code document} applies, one set per principal it is put on:
   * the document's own and those of the principal's other policies that certainly apply. A
   * principal that is not in the scan, or a policy put on nobody in the scan, has the document's own.
   */
  public static List<CertainDenies> deniesWherever(IamModel model, PolicyDocument document, List<PutOn> principals) {
    List<CertainDenies> out = new ArrayList<>();
    for (PutOn on : principals) {
      List<PolicyDocument> docs = new ArrayList<>(List.of(document));
      Value target = on.principal().target();
      Optional<ResourceRef> from = Optional.of(on.from());
      Optional<EffectivePolicies> of = switch (on.principal().kind()) {
        case USER -> model.user(target, from).map(u -> of(model, u));
        case ROLE -> model.role(target, from).map(r -> of(model, r));
        case GROUP -> model.group(target, from).map(g -> of(model, g));
        case PERMISSION_SET -> Optional.empty();
      };
      of.ifPresent(p -> p.certainDocuments().stream().filter(d -> d != document).forEach(docs::add));
      out.add(CertainDenies.of(docs));
    }
    if (out.isEmpty()) out.add(CertainDenies.of(List.of(document)));
    return out;
  }

  public static EffectivePolicies of(IamModel model, User user) {
    Builder b = new Builder(model);
    b.principal(PrincipalKind.USER, user.resource(), user.name(), Optional.empty());
    for (GroupMembership m : indexes(model).memberships().candidates(PrincipalKind.USER, user.resource(), user.name())) {
      Truth member = model.designates(m.user(), m.resource(), user.resource(), user.name());
      if (member.isFalse()) continue;
      if (!member.isTrue()) {
        b.complete = false;
        continue;
      }
      Optional<Group> group = model.group(m.group(), Optional.of(m.resource()));
      if (group.isEmpty()) {
        b.complete = false; // a group declared outside the scan: its policies are not known
        continue;
      }
      b.principal(PrincipalKind.GROUP, group.get().resource(), group.get().name(), group);
    }
    return b.build(boundary(model, user.resource()));
  }

  public static EffectivePolicies of(IamModel model, Role role) {
    Builder b = new Builder(model);
    b.principal(PrincipalKind.ROLE, role.resource(), role.name(), Optional.empty());
    return b.build(boundary(model, role.resource()));
  }

  public static EffectivePolicies of(IamModel model, Group group) {
    Builder b = new Builder(model);
    b.principal(PrincipalKind.GROUP, group.resource(), group.name(), Optional.empty());
    return b.build();
  }

  /** The groups a user is certainly in. */
  public static List<Group> groups(IamModel model, User user) {
    List<Group> out = new ArrayList<>();
    for (GroupMembership m : indexes(model).memberships().candidates(PrincipalKind.USER, user.resource(), user.name())) {
      if (!model.designates(m.user(), m.resource(), user.resource(), user.name()).isTrue()) continue;
      model.group(m.group(), Optional.of(m.resource())).filter(g -> !out.contains(g)).ifPresent(out::add);
    }
    return out;
  }

  private static final class Builder {
    private final IamModel model;
    private final List<Source> sources = new ArrayList<>();
    private boolean complete = true;

    Builder(IamModel model) {
      this.model = model;
    }

    void principal(PrincipalKind kind, ResourceRef resource, Value name, Optional<Group> via) {
      String owner = kind.noun() + " " + name.asText().map(n -> "\"" + n + "\"").orElse(resource.address());
      // A module outside the scan that is handed the principal may attach policies to it.
      if (model.handedOutside(resource, name).isPresent()) complete = false;
      for (InlinePolicy p : indexes(model).inline().candidates(kind, resource, name)) {
        Truth links = links(model, p.principals(), p.resource(), kind, resource, name);
        if (links.isFalse()) continue;
        if (!links.isTrue()) {
          complete = false;
          continue;
        }
        complete &= p.document().complete();
        String policy = p.name().asText().map(n -> "inline policy \"" + n + "\"").orElse("inline policy " + p.resource().address());
        sources.add(new Source(p.document(), p.resource(), policy + " of " + owner, via));
      }
      for (PolicyAttachment a : indexes(model).attachments().candidates(kind, resource, name)) {
        Truth links = links(model, List.of(a.principal()), a.resource(), kind, resource, name);
        if (links.isFalse()) continue;
        if (!links.isTrue()) {
          complete = false;
          continue;
        }
        attached(a, owner, via);
      }
    }

    private void attached(PolicyAttachment a, String owner, Optional<Group> via) {
      boolean conditional = a.policy().alternatives().size() > 1;
      for (Value arn : a.policy().alternatives()) {
        Optional<String> managed = ManagedPolicyArn.awsManagedName(arn);
        if (managed.isPresent()) {
          Optional<PolicyDocument> doc = ManagedPolicyDocuments.document(managed.get(), arn.location());
          if (doc.isPresent()) {
            sources.add(new Source(doc.get(), a.resource(), "AWS managed policy " + managed.get() + " attached to " + owner, via,
                conditional, Optional.empty(), managed));
          } else {
            complete = false; // a managed policy the bundled catalogue does not know
          }
          continue;
        }
        Optional<CustomerPolicy> customer = customerPolicy(model, arn, Optional.of(a.resource()));
        if (customer.isPresent()) {
          complete &= customer.get().document().complete();
          String policy = customer.get().name().asText().map(n -> "policy \"" + n + "\"")
              .orElse("policy " + customer.get().resource().address());
          sources.add(new Source(customer.get().document(), customer.get().resource(), policy + " attached to " + owner, via,
              conditional, customer.get().arnResource()));
        } else {
          complete = false; // a customer policy outside the scan
        }
      }
    }

    /**
     * Whether links written in element {@code from} name the principal. Across root modules only
     * a reference or a known name does, and never across deployments pinned to other accounts.
     */
    private static Truth links(IamModel model, List<PrincipalLink> links, ResourceRef from, PrincipalKind kind,
        ResourceRef resource, Value name) {
      Truth result = Truth.FALSE;
      for (PrincipalLink l : links) {
        if (l.kind() == kind) result = result.or(model.designates(l.target(), from, resource, name));
      }
      return result;
    }

    EffectivePolicies build() {
      return build(Boundary.NONE);
    }

    EffectivePolicies build(Boundary boundary) {
      return new EffectivePolicies(sources, complete, boundary);
    }
  }
}
