package dev.iamlint.rules;

import dev.iamlint.iam.EffectivePolicies;
import dev.iamlint.iam.Escalation;
import dev.iamlint.iam.Wildcard;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;
import dev.iamlint.value.Value;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * MFA002: a role's trust policy lets AWS principals (accounts, users, roles; not services or
 * identity providers) assume it without a condition that requires MFA and, for a principal in
 * another account, without an sts:ExternalId. A literal 12-digit account id counts as another
 * account; the deploying account (${AWS::AccountId}, data.aws_caller_identity) does not. High
 * when the role is privileged. Unknown principals or conditions are not judged.
 */
public final class AssumeRoleWithoutMfa implements Rule {
  private static final Pattern ACCOUNT = Pattern.compile("(?:arn:[^:]*:iam::)?(\\d{12})(?::.*)?");

  @Override
  public String id() {
    return "MFA002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Role role : ctx.model().roles()) {
      if (role.trustPolicy().isEmpty()) continue;
      int index = 0;
      for (Statement s : role.trustPolicy().get().statements()) {
        index++;
        if (!s.isAllow() || s.principal().isEmpty() || !assumes(s)) continue;
        Optional<Value> principal = awsPrincipal(s.principal().get());
        if (principal.isEmpty()) {
          if (!mayBeAws(s.principal().get())) continue;
          ctx.undecided(role.resource(), s.principal().get(), "assume:" + s.sid().flatMap(Value::asText).orElse("#" + index),
              "whether role " + role.resource().address() + " can be assumed without MFA by the principal of " + s.label());
          continue;
        }
        Optional<Boolean> mfa = conditionTests(s, "aws:multifactorauthpresent", "aws:multifactorauthage");
        Optional<Boolean> externalId = conditionTests(s, "sts:externalid");
        if (mfa.isEmpty() || externalId.isEmpty() || mfa.get() || inert(s)) continue;
        boolean otherAccount = otherAccount(principal.get());
        if (otherAccount && externalId.get()) continue;
        boolean privileged = privileged(ctx.model(), role);
        ctx.report(privileged ? Severity.HIGH : Severity.MEDIUM, role.resource(), principal.get().location(),
            "assume:" + s.sid().flatMap(Value::asText).orElse("#" + index),
            "Role " + role.resource().address() + (privileged ? ", which is privileged," : "") + " can be assumed by "
                + principal.get().display() + " without MFA" + (otherAccount ? " or an sts:ExternalId" : "")
                + principal.get().provenance().suffix()
                + ": require aws:MultiFactorAuthPresent (Bool \"true\")" + (otherAccount ? " or an external id" : ""));
      }
    }
  }

  private static boolean assumes(Statement s) {
    if (s.action().isEmpty()) return s.notAction().isPresent();
    return s.action().get().items().stream().flatMap(v -> v.alternatives().stream())
        .anyMatch(v -> v.asText().map(t -> Wildcard.matchesIgnoreCase(t.trim(), "sts:AssumeRole")).orElse(false));
  }

  /** The first AWS principal (not a service or identity provider); empty when there is none or it is unknown. */
  /** A principal that is not known, or whose AWS entry is not: it may name AWS principals. */
  private static boolean mayBeAws(Value principal) {
    for (Value alternative : principal.alternatives()) {
      if (alternative instanceof Value.Unknown) return true;
      if (alternative instanceof Value.MapV m && m.entryIgnoreCase("AWS").isPresent()) return true;
    }
    return false;
  }

  private static Optional<Value> awsPrincipal(Value principal) {
    for (Value alternative : principal.alternatives()) {
      if (alternative instanceof Value.MapV m) {
        Optional<Value.MapV.Entry> aws = m.entryIgnoreCase("AWS");
        if (aws.isEmpty()) continue;
        for (Value item : aws.get().value().items()) {
          for (Value v : item.alternatives()) {
            if (v.asText().isPresent() || (v instanceof Value.Unknown u && u.partial().isPresent())) return Optional.of(v);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Whether a condition key is tested (any operator); empty when the condition cannot be read. */
  private static Optional<Boolean> conditionTests(Statement s, String... keys) {
    if (s.condition().isEmpty()) return Optional.of(false);
    for (Value alternative : s.condition().get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators)) return Optional.empty();
      for (Value.MapV.Entry op : operators.entries()) {
        if (!(op.value() instanceof Value.MapV tested)) return Optional.empty();
        String operator = op.key().toLowerCase(Locale.ROOT);
        for (Value.MapV.Entry k : tested.entries()) {
          String key = k.key().toLowerCase(Locale.ROOT);
          for (String wanted : keys) {
            if (!key.equals(wanted)) continue;
            if (wanted.equals("aws:multifactorauthpresent")) {
              // Only a test for "true" requires MFA; "false" is MFA003's.
              if (k.value().items().stream().anyMatch(v -> v.asBoolean().orElse(false))) return Optional.of(true);
            } else if (wanted.equals("aws:multifactorauthage")) {
              if (operator.startsWith("numericless")) return Optional.of(true);
            } else if (wanted.equals("sts:externalid")) {
              // An external id shorter than 2 characters can never match: the statement is inert.
              return Optional.of(true);
            }
          }
        }
      }
    }
    return Optional.of(false);
  }

  /** An sts:ExternalId shorter than 2 characters never matches: nobody can assume through the statement. */
  private static boolean inert(Statement s) {
    if (s.condition().isEmpty() || !(s.condition().get() instanceof Value.MapV operators)) return false;
    for (Value.MapV.Entry op : operators.entries()) {
      if (!(op.value() instanceof Value.MapV keys)) continue;
      for (Value.MapV.Entry k : keys.entries()) {
        if (k.key().equalsIgnoreCase("sts:ExternalId") && !k.value().items().isEmpty()
            && k.value().items().stream().allMatch(v -> v.asText().map(t -> t.length() < 2).orElse(false))) {
          return true;
        }
      }
    }
    return false;
  }

  /** A literal 12-digit account that is not the deploying one; an unknown account is the deploying one. */
  private static boolean otherAccount(Value principal) {
    Optional<String> text = principal.asText();
    return text.isPresent() && ACCOUNT.matcher(text.get().trim()).matches();
  }

  /** AdministratorAccess, or an inline or attached customer policy that allows everything. */
  /** Admin-equivalent or able to escalate, judged over all the role's policies by the IAM engine. */
  private static boolean privileged(IamModel model, Role role) {
    Escalation.Result r = Escalation.of(EffectivePolicies.of(model, role).certainDocuments());
    return r.admin() || !r.paths().isEmpty();
  }

}
