package dev.iamlint.rules;

import dev.iamlint.iam.Grants;
import dev.iamlint.iam.ManagedPolicyArn;
import dev.iamlint.iam.ManagedPolicyDocuments;
import dev.iamlint.iam.Principals;
import dev.iamlint.iam.StatementScope;
import dev.iamlint.model.PolicyAttachment;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ADM002: an AWS managed policy other than AdministratorAccess whose bundled document grants
 * admin-equivalent access, a privilege-escalation path, iam:PassRole on every role, or every
 * action of a service. Judged by the document, not the name; the message says what it grants.
 */
public final class PrivilegedManagedPolicyAttached implements Rule {

  @Override
  public String id() {
    return "ADM002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (PolicyAttachment a : ctx.model().attachments()) {
      for (Value arn : a.policy().alternatives()) {
        Optional<String> name = ManagedPolicyArn.awsManagedName(arn);
        if (name.isEmpty() || name.get().equals("AdministratorAccess")) continue;
        Optional<PolicyDocument> document = ManagedPolicyDocuments.document(name.get(), a.location());
        if (document.isEmpty()) continue;
        Optional<String> grants = privileged(document.get());
        if (grants.isEmpty()) continue;
        ctx.report(a.resource(), a.location(), name.get() + "|" + Principals.key(ctx.model(), a.principal(), Optional.of(a.resource())),
            "AWS managed policy " + name.get() + " is attached to " + Principals.describe(ctx.model(), a.principal(), Optional.of(a.resource()))
                + arn.provenance().suffix() + ": it grants " + grants.get());
        break;
      }
    }
  }

  /** What makes the document privileged, in words; empty when it is not. */
  static Optional<String> privileged(PolicyDocument document) {
    for (Statement s : document.statements()) {
      if (s.isAllow() && s.condition().isEmpty() && StatementScope.allResources(s).covers().isTrue()
          && StatementScope.allActions(s).covers().isTrue()) {
        return Optional.of(s.notAction().isPresent()
            ? "every action except " + String.join(", ", s.notAction().get().items().stream().map(Value::display).toList())
                + " on every resource, which is administrator access"
            : "every action on every resource");
      }
    }
    for (Statement s : document.statements()) {
      if (s.isAllow() && s.condition().isEmpty() && s.notAction().isPresent() && StatementScope.allResources(s).covers().isTrue()) {
        return Optional.of("every action except " + String.join(", ", s.notAction().get().items().stream()
            .map(Value::display).toList()) + " on every resource");
      }
    }
    Set<String> granted = Grants.broadActions(document);
    List<dev.iamlint.iam.EscalationPaths.Path> paths = Grants.escalationPaths(granted);
    if (!paths.isEmpty()) return Optional.of("a privilege-escalation path (" + paths.get(0).description() + ")");
    if (granted.contains("iam:passrole")) return Optional.of("iam:PassRole on every role without an iam:PassedToService condition");
    List<String> services = Grants.wholeServices(granted);
    if (!services.isEmpty()) {
      return Optional.of("every action of " + String.join(", ", services.subList(0, Math.min(5, services.size())))
          + (services.size() > 5 ? " and " + (services.size() - 5) + " more services" : "") + " on every resource");
    }
    return Optional.empty();
  }
}
