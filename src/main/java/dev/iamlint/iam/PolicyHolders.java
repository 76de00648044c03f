package dev.iamlint.iam;

import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Group;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.User;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * Who holds the identity policies of the scan, as the escalation analysis judges them: every
 * role, group and user with its effective policies, and, for a policy that no principal of the
 * scan holds (attached to nobody, or put on a principal declared elsewhere: CloudFormation
 * {@code Roles: [a-literal-name]}, a Terraform {@code aws_iam_role_policy} on a literal role),
 * whoever holds it, judged on that policy alone. A role's {@code /service-role/} policies in
 * their intended use are left out: its service acts with them, no one acting as the role does.
 */
public final class PolicyHolders {
  private PolicyHolders() {}

  /**
   * {@code who} names the holder for messages ("Role \"ci\" (aws_iam_role.ci)", "Whoever policy
   * \"x\" is attached to"); {@code kind} and {@code name} are empty for a holder that is not a
   * principal of the scan; {@code resource} is the principal's declaration, or the policy's.
   * {@code onlyServices}: a role that only AWS services assume, whose sessions never carry MFA.
   * {@link #policies} are found when asked, not kept: the documents of every principal at once
   * (an AWS managed policy located at each attachment) would not fit in memory for a large scan.
   */
  public record Holder(String who, ResourceRef resource, Optional<PrincipalKind> kind, Value name, boolean onlyServices,
      Supplier<EffectivePolicies> effective) {
    public EffectivePolicies policies() {
      return effective.get();
    }
  }

  public static List<Holder> all(IamModel model) {
    return all(model, (holder, policies) -> true, (policy, document) -> true);
  }

  /**
   * The holders {@code keep} accepts, in the same order; it is given the policies each holds,
   * which are found once for both (finding them is most of the cost of a holder left out). A
   * policy that no principal of the scan holds is judged alone only when {@code mayKeepAlone}
   * accepts its declaration and document, before anything else is asked of it: a partial scan
   * leaves most of them out, and describing each would cost more than judging the few it keeps.
   */
  public static List<Holder> all(IamModel model, BiPredicate<Holder, EffectivePolicies> keep,
      BiPredicate<ResourceRef, PolicyDocument> mayKeepAlone) {
    List<Holder> out = new ArrayList<>();
    for (Role r : model.roles()) {
      out.add(new Holder("Role " + name(r.resource(), r.name()), r.resource(), Optional.of(PrincipalKind.ROLE), r.name(),
          ServiceRolePolicies.onlyServicesAssume(r), () -> ServiceRolePolicies.withoutIntendedUse(EffectivePolicies.of(model, r), r)));
    }
    for (Group g : model.groups()) {
      out.add(new Holder("Members of group " + name(g.resource(), g.name()), g.resource(), Optional.of(PrincipalKind.GROUP),
          g.name(), false, () -> EffectivePolicies.of(model, g)));
    }
    for (User u : model.users()) {
      out.add(new Holder("User " + name(u.resource(), u.name()), u.resource(), Optional.of(PrincipalKind.USER), u.name(),
          false, () -> EffectivePolicies.of(model, u)));
    }
    // What the principals of the scan hold, by where each policy is declared.
    Set<ResourceRef> held = new HashSet<>();
    List<Holder> kept = new ArrayList<>();
    for (Holder h : out) {
      EffectivePolicies policies = h.policies();
      policies.sources().forEach(source -> held.add(source.resource()));
      if (keep.test(h, policies)) kept.add(h);
    }
    Set<CustomerPolicy> boundaries = EffectivePolicies.boundaryOnly(model); // a boundary grants nothing
    for (CustomerPolicy p : model.customerPolicies()) {
      if (!mayKeepAlone.test(p.resource(), p.document())) continue;
      // A document naming principals is a resource's policy (a key policy given to a module), held by no one.
      if (held.contains(p.resource()) || boundaries.contains(p) || p.document().namesPrincipal()) continue;
      String policy = p.name().asText().map(n -> "policy \"" + n + "\"").orElse("policy " + p.resource().address());
      keepAlone(kept, keep, alone("Whoever " + policy + " is attached to", p.resource(),
          new EffectivePolicies.Source(p.document(), p.resource(), policy, Optional.empty(), false, p.arnResource())));
    }
    for (InlinePolicy p : model.inlinePolicies()) {
      if (!mayKeepAlone.test(p.resource(), p.document())) continue;
      if (p.principals().isEmpty() || held.contains(p.resource()) || p.principals().stream().anyMatch(l -> mayBeInScan(model, l))) {
        continue;
      }
      List<String> holders = p.principals().stream().map(l -> Principals.describe(model, l)).distinct().toList();
      String policy = p.name().asText().map(n -> "inline policy \"" + n + "\"").orElse("inline policy " + p.resource().address());
      boolean outside = p.principals().stream().allMatch(l -> Principals.declaration(model, l).isEmpty());
      String who = String.join(" and ", holders) + " (" + (outside ? "declared outside the scan; " : "") + "judged on " + policy
          + " alone)";
      // A permission set's boundary caps what its inline policy grants, as a role's does.
      EffectivePolicies.Boundary boundary = p.principals().size() == 1
          ? EffectivePolicies.permissionSetBoundary(model, p.principals().get(0), p.resource()) : EffectivePolicies.Boundary.NONE;
      keepAlone(kept, keep, alone(Character.toUpperCase(who.charAt(0)) + who.substring(1), p.resource(),
          new EffectivePolicies.Source(p.document(), p.resource(), policy + " of " + String.join(" and ", holders), Optional.empty()),
          boundary));
    }
    return kept;
  }

  private static void keepAlone(List<Holder> kept, BiPredicate<Holder, EffectivePolicies> keep, Holder holder) {
    if (keep.test(holder, holder.policies())) kept.add(holder);
  }

  private static Holder alone(String who, ResourceRef resource, EffectivePolicies.Source source) {
    return alone(who, resource, source, EffectivePolicies.Boundary.NONE);
  }

  private static Holder alone(String who, ResourceRef resource, EffectivePolicies.Source source, EffectivePolicies.Boundary boundary) {
    Value none = new Value.Null(resource.header(), Provenance.LITERAL);
    EffectivePolicies alone = new EffectivePolicies(List.of(source), source.document().complete(), boundary);
    return new Holder(who, resource, Optional.empty(), none, false, () -> alone);
  }

  /**
   * A link that may name a user, group or role of the scan: a reference, a value that is not
   * known, or a name (or ARN) one of them has. Only a literal name that none has is outside the
   * scan; a permission set is never judged as a principal of its own, so it counts as outside.
   */
  private static boolean mayBeInScan(IamModel model, PrincipalLink link) {
    if (link.kind() == PrincipalKind.PERMISSION_SET) return false;
    if (link.target().alternatives().stream().anyMatch(v -> v.asText().isEmpty())) return true;
    return switch (link.kind()) {
      // Every alternative is a known name here: a name designates a principal or it does not.
      case USER -> model.user(link.target()).isPresent();
      case ROLE -> model.role(link.target()).isPresent();
      case GROUP -> model.group(link.target(), Optional.empty()).isPresent();
      case PERMISSION_SET -> false;
    };
  }

  private static String name(ResourceRef resource, Value name) {
    return name.asText().map(n -> "\"" + n + "\" (" + resource.address() + ")").orElse(resource.address());
  }
}
