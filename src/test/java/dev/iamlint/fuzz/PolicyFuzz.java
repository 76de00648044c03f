package dev.iamlint.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.iamlint.model.CustomerPolicy;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.Role;
import dev.iamlint.source.Location;
import dev.iamlint.terraform.functions.JsonValues;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * Policy documents as JSON text (a policy written in a heredoc or a file): read as an identity
 * policy and as a trust policy, put in a model as a role's policy and its trust, and checked by
 * every rule (wildcards, NotAction, conditions, escalation paths, trust).
 */
public final class PolicyFuzz {
  private PolicyFuzz() {}

  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String text = data.consumeRemainingAsString();
    Optional<Value> value = JsonValues.fromFile("policy.json", text, JsonValues.lineCount(text), Provenance.LITERAL);
    if (value.isEmpty()) return;
    Location at = new Location("policy.json", 1, 1, 1, 1);
    ModelBuilder model = new ModelBuilder();
    ResourceRef policy = new ResourceRef("fuzz", "aws_iam_policy.p", "aws_iam_policy", at, at);
    ResourceRef role = new ResourceRef("fuzz", "aws_iam_role.r", "aws_iam_role", at, at);
    model.resources.add(policy);
    model.resources.add(role);
    model.customerPolicies.add(new CustomerPolicy(policy, new Value.Str("p", at, Provenance.LITERAL), PolicyDocument.from(value.get())));
    model.roles.add(new Role(role, new Value.Str("r", at, Provenance.LITERAL),
        Optional.of(PolicyDocument.from(value.get(), PolicyDocument.Use.TRUST, java.util.List.of())), false));
    Judges.all(model);
  }
}
