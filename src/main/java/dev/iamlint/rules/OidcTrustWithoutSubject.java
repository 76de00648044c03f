package dev.iamlint.rules;

import dev.iamlint.iam.Principal;
import dev.iamlint.iam.TrustPolicies;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * TRUST002: a web-identity trust (GitHub Actions, EKS, Cognito, any OIDC provider) with no
 * condition on the token's subject: anyone with a token from that provider can assume the role.
 * A condition on GitHub's {@code job_workflow_ref} scopes the trust as one on {@code sub} does.
 * An unknown condition is not judged.
 */
public final class OidcTrustWithoutSubject implements Rule {

  private static final List<String> WEB_IDENTITY = List.of("sts:AssumeRoleWithWebIdentity");

  @Override
  public String id() {
    return "TRUST002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (TrustPolicies.Grant g : TrustPolicies.grants(ctx.model())) {
      Optional<Value> provider = Principal.federated(g.principal()).stream()
          .filter(v -> Principal.oidcProvider(v, ctx.model()).isPresent()).findFirst();
      if (provider.isEmpty()) continue;
      // Only a statement that lets the token start a session lets "anyone with a token" in.
      if (!g.startsSessionBy(WEB_IDENTITY).isTrue()) continue;
      boolean cognito = provider.get().asText().map(t -> t.toLowerCase(Locale.ROOT).equals("cognito-identity.amazonaws.com"))
          .orElse(false);
      Optional<Boolean> subject = subjectCondition(g.statement().condition(), cognito);
      if (subject.isEmpty() || subject.get()) continue;
      ctx.report(g.trust().resource(), provider.get().location(), g.detail("oidc"),
          g.trust().subject() + " trusts tokens from " + Principal.describe(provider.get(), ctx.model())
              + " without a condition on the subject (" + (cognito ? "cognito-identity.amazonaws.com:aud" : "…:sub")
              + "): anyone with a token from that provider can assume it");
    }
  }

  /** Whether some condition tests the subject (or, for Cognito, the audience); empty when unknown. */
  private static Optional<Boolean> subjectCondition(Optional<Value> condition, boolean cognito) {
    if (condition.isEmpty()) return Optional.of(false);
    for (Value alternative : condition.get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators)) return Optional.empty();
      for (Value.MapV.Entry op : operators.entries()) {
        if (!(op.value() instanceof Value.MapV keys)) return Optional.empty();
        for (Value.MapV.Entry key : keys.entries()) {
          String k = key.key().toLowerCase(Locale.ROOT);
          // GitHub's job_workflow_ref names the workflow file of one repository: AWS takes a
          // condition on it, as on sub, for the scoping its GitHub trusts need (only GitHub's key).
          boolean workflow = k.startsWith("token.actions.githubusercontent.com") && k.endsWith(":job_workflow_ref");
          if (k.endsWith(":sub") || workflow || (cognito && k.endsWith(":aud"))) return Optional.of(true);
        }
      }
    }
    return Optional.of(false);
  }
}
