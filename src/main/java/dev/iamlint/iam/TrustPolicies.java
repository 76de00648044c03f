package dev.iamlint.iam;

import dev.iamlint.model.IamModel;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.model.TrustDocument;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The trust policies of a scan, and the statements in them that let principals assume a role. */
public final class TrustPolicies {
  private TrustPolicies() {}

  /**
   * A trust policy where it takes effect: the role it belongs to, or none for a trust document
   * that no role of the scan uses (judged on its own: it may be consumed outside the scan).
   */
  public record Trust(ResourceRef resource, Optional<Role> role, PolicyDocument document) {

    /**
     * How messages name what the policy lets principals assume: "role aws_iam_role.ci", "a role
     * with the trust policy data.aws_iam_policy_document.ci (used by no role in the scan)".
     */
    public String name() {
      return role.isPresent() ? "role " + resource.address()
          : "a role with the trust policy " + resource.address() + " (used by no role in the scan)";
    }

    /**
     * The account ids the trust's deployment targets: the configured {@code account_id}, else
     * the accounts its Terraform providers are pinned to ({@code allowed_account_ids}, the
     * account of {@code assume_role}); empty when not known.
     */
    public List<String> deployingAccounts(IamModel model, Optional<String> configured) {
      return configured.map(List::of).orElseGet(() -> model.deploymentOf(resource).accounts());
    }

    /** The same at the start of a sentence. */
    public String subject() {
      return Character.toUpperCase(name().charAt(0)) + name().substring(1);
    }
  }

  /**
   * An {@code Allow} statement with a {@code Principal}. {@code index} numbers the statements of
   * the document from 1: with the Sid, it keeps fingerprints stable when statements are edited.
   */
  public record Grant(Trust trust, Statement statement, Value principal, int index) {

    /** The fingerprint detail of a finding about this statement: {@code kind:Sid} or {@code kind:#index}. */
    public String detail(String kind) {
      return kind + ":" + statement.sid().flatMap(Value::asText).orElse("#" + index);
    }

    /**
     * Whether the statement lets its principal start a session by one of {@code actions}
     * ({@code sts:AssumeRoleWithWebIdentity}...): a statement that allows only {@code
     * sts:TagSession} or {@code sts:SetSourceIdentity} adds to a session another statement lets
     * start. Unknown when an action that may be one of them is not known.
     */
    public Truth startsSessionBy(List<String> actions) {
      Truth result = Truth.FALSE;
      for (String action : actions) result = result.or(StatementScope.coversAction(statement, action));
      return result;
    }
  }

  /** Every trust policy of the scan. */
  public static List<Trust> trusts(IamModel model) {
    List<Trust> out = new ArrayList<>();
    for (Role role : model.roles()) {
      role.trustPolicy().ifPresent(t -> out.add(new Trust(role.resource(), Optional.of(role), t)));
    }
    for (TrustDocument d : model.trustDocuments()) out.add(new Trust(d.resource(), Optional.empty(), d.document()));
    return out;
  }

  /** Every Allow statement with a Principal in a trust policy of the scan. */
  public static List<Grant> grants(IamModel model) {
    List<Grant> out = new ArrayList<>();
    for (Trust trust : trusts(model)) out.addAll(grants(trust));
    return out;
  }

  /**
   * Whether only principals of the deploying account can assume the role, and only with MFA:
   * every statement of its trust policy is a Deny, or an Allow whose principals are all the
   * account's root, users or roles and whose condition requires MFA in every branch. No service,
   * identity provider, other or unknown account. The dedicated admin role ADM001's fix
   * recommends. {@code accountId}: the configured deploying account, if any.
   */
  public static boolean sameAccountWithMfa(Role role, IamModel model, Optional<String> accountId) {
    if (role.trustPolicy().isEmpty() || !role.trustPolicy().get().complete()) return false;
    List<String> deploying = new Trust(role.resource(), Optional.of(role), role.trustPolicy().get())
        .deployingAccounts(model, accountId);
    boolean allows = false;
    for (Statement s : role.trustPolicy().get().statements()) {
      if (s.isDeny()) continue;
      if (!s.isAllow() || s.principal().isEmpty() || s.notPrincipal().isPresent()) return false;
      List<Principal.Entry> entries = Principal.entries(s.principal().get(), model);
      if (entries.isEmpty()) return false;
      for (Principal.Entry e : entries) {
        if (!e.iamIdentity() || !e.sameAccount(deploying).isTrue()) return false;
      }
      if (!TrustConditions.of(s.condition()).stream().allMatch(d -> d.mfa().isTrue())) return false;
      allows = true;
    }
    return allows;
  }

  /** The Allow statements with a Principal of one trust policy. */
  public static List<Grant> grants(Trust trust) {
    List<Grant> out = new ArrayList<>();
    int index = 0;
    for (Statement s : trust.document().statements()) {
      index++;
      if (s.isAllow() && s.principal().isPresent()) out.add(new Grant(trust, s, s.principal().get(), index));
    }
    return out;
  }
}
