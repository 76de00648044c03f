package dev.iamlint.review;

import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.Group;
import dev.iamlint.model.GroupMembership;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.InstanceProfile;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDefect;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.PrincipalKind;
import dev.iamlint.model.PrincipalLink;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.User;
import dev.iamlint.json.JsonLoader;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * {@code aws iam get-account-authorization-details}: users (their groups, inline and attached
 * policies), groups, roles (trust policy, instance profiles, policies) and customer managed
 * policies with their default version, mapped onto the model as the IaC adapters map theirs.
 * Elements link by name, as IAM does; each is addressed by its ARN's resource part
 * ({@code user/ops/alice}), which stays the same from one export to the next.
 */
final class AuthorizationDetails {
  private final String file;
  private final ModelBuilder out;
  private final List<Problem> problems;

  AuthorizationDetails(String file, ModelBuilder out, List<Problem> problems) {
    this.file = file;
    this.out = out;
    this.problems = problems;
  }

  static boolean recognises(MapNode root) {
    return root.get("UserDetailList").isPresent() || root.get("GroupDetailList").isPresent()
        || root.get("RoleDetailList").isPresent() || (root.get("Policies").isPresent() && root.get("Policies").get() instanceof ListNode);
  }

  /** Reads one page; {@code page} names it in pointers when the file holds several ("" when one). */
  void read(MapNode root, String page) {
    for (Values.Indexed u : Values.indexed(root, "UserDetailList")) user(u.map(), "/UserDetailList/" + u.index() + page);
    for (Values.Indexed g : Values.indexed(root, "GroupDetailList")) group(g.map(), "/GroupDetailList/" + g.index() + page);
    for (Values.Indexed r : Values.indexed(root, "RoleDetailList")) role(r.map(), "/RoleDetailList/" + r.index() + page);
    for (Values.Indexed p : Values.indexed(root, "Policies")) policy(p.map(), "/Policies/" + p.index() + page);
  }

  private void user(MapNode u, String pointer) {
    Optional<ResourceRef> found = ref(u, "UserName", "user", "account-user", pointer);
    if (found.isEmpty()) return;
    ResourceRef ref = found.get();
    Value name = Values.value(u, "UserName").orElseThrow();
    out.users.add(new User(ref, name, Values.value(u, "Tags")));
    if (u.get("GroupList").orElse(null) instanceof ListNode groups) {
      for (Node g : groups.items()) out.memberships.add(new GroupMembership(ref, name, Values.of(g), g.location()));
    }
    policies(u, "UserPolicyList", ref, new PrincipalLink(PrincipalKind.USER, name));
  }

  private void group(MapNode g, String pointer) {
    Optional<ResourceRef> found = ref(g, "GroupName", "group", "account-group", pointer);
    if (found.isEmpty()) return;
    Value name = Values.value(g, "GroupName").orElseThrow();
    out.groups.add(new Group(found.get(), name));
    policies(g, "GroupPolicyList", found.get(), new PrincipalLink(PrincipalKind.GROUP, name));
  }

  private void role(MapNode r, String pointer) {
    Optional<ResourceRef> found = ref(r, "RoleName", "role", "account-role", pointer);
    if (found.isEmpty()) return;
    ResourceRef ref = found.get();
    Value name = Values.value(r, "RoleName").orElseThrow();
    Optional<PolicyDocument> trust = r.get("AssumeRolePolicyDocument").map(d -> document(d, PolicyDocument.Use.TRUST));
    out.roles.add(new Role(ref, name, trust, false));
    for (MapNode p : Values.maps(r, "InstanceProfileList")) {
      Optional<Value> profile = Values.value(p, "InstanceProfileName");
      if (profile.isEmpty()) continue;
      ResourceRef profileRef = new ResourceRef(file, "instance-profile/" + profile.get().asText().orElse(""),
          "account-instance-profile", p.location(), profile.get().location(), List.of(), AccountExports.DEPLOYMENT);
      out.resources.add(profileRef);
      out.instanceProfiles.add(new InstanceProfile(profileRef, profile.get(), List.of(name)));
    }
    policies(r, "RolePolicyList", ref, new PrincipalLink(PrincipalKind.ROLE, name));
  }

  /** Inline policies and attached managed policies of a principal. */
  private void policies(MapNode principal, String inlineKey, ResourceRef ref, PrincipalLink self) {
    for (MapNode p : Values.maps(principal, inlineKey)) {
      Value name = Values.value(p, "PolicyName").orElseGet(() -> new Value.Str("", p.location(), Provenance.LITERAL));
      PolicyDocument document = p.get("PolicyDocument").map(d -> document(d, PolicyDocument.Use.IDENTITY))
          .orElseGet(() -> PolicyDocument.empty(p.location()));
      out.inlinePolicies.add(new InlinePolicy(ref, List.of(self), name, document, p.location(), false));
    }
    for (MapNode a : Values.maps(principal, "AttachedManagedPolicies")) {
      Values.value(a, "PolicyArn").ifPresent(arn -> out.attachments.add(new PolicyAttachment(ref, self, arn, arn.location())));
    }
  }

  /** A customer managed policy with the document of its default version; AWS managed policies are the catalogue's. */
  private void policy(MapNode p, String pointer) {
    Optional<String> arn = Values.text(p, "Arn");
    if (arn.isPresent() && arn.get().contains(":iam::aws:policy/")) return;
    Optional<ResourceRef> found = ref(p, "PolicyName", "policy", "account-policy", pointer);
    if (found.isEmpty()) return;
    Value name = Values.value(p, "PolicyName").orElseThrow();
    Optional<String> defaultVersion = Values.text(p, "DefaultVersionId");
    Optional<MapNode> version = Values.maps(p, "PolicyVersionList").stream()
        .filter(v -> Values.value(v, "IsDefaultVersion").flatMap(Value::asBoolean).orElse(false)
            || (defaultVersion.isPresent() && defaultVersion.equals(Values.text(v, "VersionId"))))
        .findFirst();
    PolicyDocument document;
    if (version.isPresent() && version.get().get("Document").isPresent()) {
      document = document(version.get().get("Document").get(), PolicyDocument.Use.IDENTITY);
    } else {
      problems.add(Problem.at(found.get().header(), "customer managed policy \"" + name.asText().orElse("")
          + "\" has no default version with a document in the export: its permissions are not known"));
      document = PolicyDocument.empty(p.location());
    }
    out.customerPolicies.add(new CustomerPolicy(found.get(), name, document,
        CustomerPolicy.arnResource(Values.value(p, "Path"), Optional.of(name))));
  }

  /**
   * The element's reference: addressed by its ARN's resource part, located at the whole entry with
   * its name as header. An entry without a name is not one AWS writes: reported, skipped.
   */
  private Optional<ResourceRef> ref(MapNode entry, String nameKey, String kind, String type, String pointer) {
    Optional<Value> name = Values.value(entry, nameKey).filter(v -> v.asText().isPresent());
    if (name.isEmpty()) {
      problems.add(Problem.at(entry.location(), "a " + kind + " entry without " + nameKey + " is not what AWS exports: skipped"));
      return Optional.empty();
    }
    String path = Values.text(entry, "Path").filter(t -> t.startsWith("/") && t.endsWith("/")).orElse("/");
    ResourceRef ref = new ResourceRef(file, kind + path + name.get().asText().get(), type, entry.location(),
        name.get().location(), List.of(), AccountExports.DEPLOYMENT, Optional.empty(), Optional.empty(),
        Optional.of(pointer));
    out.resources.add(ref);
    return Optional.of(ref);
  }

  /**
   * A policy document as the CLI writes it (a JSON object), or as the API returns it (a
   * URL-encoded JSON string, located at the string).
   */
  private PolicyDocument document(Node node, PolicyDocument.Use use) {
    if (node instanceof ScalarNode s && s.isString()) {
      String text = s.text().trim().startsWith("%") || s.text().contains("%22") ? decode(s.text()) : s.text();
      ParseResult parsed = JsonLoader.parse(file, text);
      if (parsed instanceof ParseResult.Parsed p) return PolicyDocument.from(Values.of(relocated(p.root(), s)), use, List.of());
      ParseResult.Failed f = (ParseResult.Failed) parsed;
      return PolicyDocument.from(Values.of(s), use, List.of(PolicyDefect.notJson(s.location(), f.message(),
          Provenance.LITERAL, true)));
    }
    return PolicyDocument.from(Values.of(node), use, List.of());
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  /** A tree parsed from a string, every element placed at the string (its lines are not the file's). */
  private static Node relocated(Node n, ScalarNode at) {
    if (n instanceof ScalarNode s) return new ScalarNode(s.text(), s.kind(), at.location());
    if (n instanceof ListNode l) return new ListNode(l.items().stream().map(i -> relocated(i, at)).toList(), at.location());
    MapNode m = (MapNode) n;
    return new MapNode(m.entries().stream().map(e -> new MapNode.Entry(
        new ScalarNode(e.key().text(), e.key().kind(), at.location()), relocated(e.value(), at))).toList(), at.location());
  }
}
