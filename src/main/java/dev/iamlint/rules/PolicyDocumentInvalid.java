package dev.iamlint.rules;

import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.InlinePolicy;
import dev.iamlint.model.PolicyDefect;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * POL001: a policy document AWS rejects at deploy (not JSON, no statements, a bad Effect,
 * Version or condition operator, a statement without exactly one of Action/NotAction or, in
 * an identity policy, of Resource/NotResource). The defects are found when the model reads
 * the document; this rule reports each once, at the offending element.
 */
public final class PolicyDocumentInvalid implements Rule {

  @Override
  public String id() {
    return "POL001";
  }

  @Override
  public void check(RuleContext ctx) {
    // A document used twice (a data source in two policies, a module instantiated twice) is one text.
    Set<String> reported = new HashSet<>();
    for (CustomerPolicy p : ctx.model().customerPolicies()) {
      String subject = p.resource().type().equals("aws_iam_policy_document")
          ? "Policy document " + p.resource().address() : policy(p.name(), p.resource());
      report(ctx, p.resource(), subject, p.document(), reported);
    }
    for (InlinePolicy p : ctx.model().inlinePolicies()) report(ctx, p.resource(), policy(p.name(), p.resource()), p.document(), reported);
    for (Role r : ctx.model().roles()) {
      String subject = "The trust policy of role " + r.name().asText().map(n -> "\"" + n + "\"").orElse(r.resource().address());
      r.trustPolicy().ifPresent(d -> report(ctx, r.resource(), subject, d, reported));
    }
  }

  private static String policy(Value name, ResourceRef resource) {
    return name.asText().map(n -> "Policy \"" + n + "\"").orElse("The policy of " + resource.address());
  }

  private static void report(RuleContext ctx, ResourceRef resource, String subject, PolicyDocument document, Set<String> reported) {
    Map<String, Integer> keys = new HashMap<>();
    for (PolicyDefect d : document.defects()) {
      if (!reported.add(d.location() + d.problem())) continue;
      int n = keys.merge(d.key(), 1, Integer::sum);
      ctx.report(resource, d.location(), "defect:" + d.key() + (n > 1 ? "~" + n : ""),
          subject + " cannot be deployed: " + d.problem() + d.provenance().suffix());
    }
  }
}
