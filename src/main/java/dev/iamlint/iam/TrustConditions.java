package dev.iamlint.iam;

import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the {@code Condition} of a trust statement demands of whoever assumes the role. Every
 * answer is UNKNOWN when a value it depends on is not known. A condition with branches (an
 * {@code Fn::If} on an unknown condition) is read branch by branch.
 */
public final class TrustConditions {
  private static final String MFA_PRESENT = "aws:multifactorauthpresent";
  private static final String MFA_AGE = "aws:multifactorauthage";
  private static final String EXTERNAL_ID = "sts:externalid";
  private static final String PRINCIPAL_ARN = "aws:principalarn";
  private static final String PRINCIPAL_TYPE = "aws:principaltype";
  private static final String USER_ID = "aws:userid";
  /** aws:userid of a role session: the role's unique id and the session name. */
  private static final Pattern ROLE_SESSION_ID = Pattern.compile("AROA[A-Z0-9]{12,}:.*");
  /** Operators that hold only for the values listed (IfExists is harmless: these keys are always present). */
  private static final Set<String> MATCHING = Set.of("stringequals", "stringequalsignorecase", "stringlike", "arnequals",
      "arnlike");

  private TrustConditions() {}

  /**
   * One branch of a condition. {@code mfa}: the caller must have signed in with MFA
   * ({@code Bool}/{@code BoolIfExists} {@code aws:MultiFactorAuthPresent} "true", or
   * {@code NumericLessThan[Equals]} {@code aws:MultiFactorAuthAge}). {@code externalId}: an
   * {@code sts:ExternalId} is required. {@code inert}: the external id demanded is shorter than
   * the 2 characters STS accepts, so nobody can assume through the statement. {@code rolesOnly}:
   * no person can be the caller: a role session ({@code aws:PrincipalArn} with role ARNs only,
   * {@code aws:PrincipalType} {@code AssumedRole}, {@code aws:userid} with a role's id,
   * {@code AROA…:*}) or the root user, who cannot assume a role ({@code aws:userid} equal to an
   * account id).
   */
  public record Demands(Truth mfa, Truth externalId, Truth inert, Truth rolesOnly) {
    static final Demands NONE = new Demands(Truth.FALSE, Truth.FALSE, Truth.FALSE, Truth.FALSE);
    static final Demands UNKNOWN = new Demands(Truth.UNKNOWN, Truth.UNKNOWN, Truth.UNKNOWN, Truth.UNKNOWN);
  }

  /** The demands of each branch of the condition; one branch with no demand when there is no condition. */
  public static List<Demands> of(Optional<Value> condition) {
    if (condition.isEmpty()) return List.of(Demands.NONE);
    List<Demands> out = new ArrayList<>();
    for (Value alternative : condition.get().alternatives()) out.add(one(alternative));
    return out;
  }

  private static Demands one(Value condition) {
    if (condition instanceof Value.Null) return Demands.NONE;
    if (!(condition instanceof Value.MapV operators)) return Demands.UNKNOWN;
    Truth mfa = Truth.FALSE;
    Truth externalId = Truth.FALSE;
    Truth inert = Truth.FALSE;
    Truth rolesOnly = Truth.FALSE;
    for (Value.MapV.Entry op : operators.entries()) {
      if (!(op.value() instanceof Value.MapV keys)) return Demands.UNKNOWN;
      String operator = op.key().toLowerCase(Locale.ROOT);
      for (Value.MapV.Entry k : keys.entries()) {
        List<Value> values = values(k.value());
        switch (k.key().toLowerCase(Locale.ROOT)) {
          case MFA_PRESENT -> {
            // Only a test for "true" requires MFA; "false" is MFA003's.
            if (operator.equals("bool") || operator.equals("boolifexists")) mfa = mfa.or(all(values, known(v -> v.asBoolean().orElse(false))));
          }
          case MFA_AGE -> {
            // NumericLessThanIfExists holds when the key is absent, that is without MFA.
            if (operator.equals("numericlessthan") || operator.equals("numericlessthanequals")) mfa = Truth.TRUE;
          }
          case EXTERNAL_ID -> {
            // A negated test, a Null test or an IfExists test holds without any external id.
            if (!operator.contains("not") && !operator.startsWith("null") && !operator.endsWith("ifexists")) externalId = Truth.TRUE;
            inert = inert.or(neverMatches(operator, values));
          }
          case PRINCIPAL_ARN -> {
            if (MATCHING.contains(Conditions.baseOperator(operator))) rolesOnly = rolesOnly.or(all(values, TrustConditions::roleArn));
          }
          case USER_ID -> {
            if (MATCHING.contains(Conditions.baseOperator(operator))) rolesOnly = rolesOnly.or(all(values, TrustConditions::roleSessionOrRoot));
          }
          case PRINCIPAL_TYPE -> {
            if (MATCHING.contains(Conditions.baseOperator(operator))) {
              rolesOnly = rolesOnly.or(all(values, known(v -> v.asText().map(t -> t.equalsIgnoreCase("AssumedRole")).orElse(false))));
            }
          }
          default -> { }
        }
      }
    }
    return new Demands(mfa, externalId, inert, rolesOnly);
  }

  /** Every value tested, each branch on its own; an unknown list reads as one unknown value. */
  private static List<Value> values(Value tested) {
    List<Value> out = new ArrayList<>();
    for (Value item : tested.items()) out.addAll(item.alternatives());
    return out;
  }

  /** TRUE when every value passes, FALSE when one fails; an empty list passes nothing. */
  private static Truth all(List<Value> values, Function<Value, Truth> test) {
    if (values.isEmpty()) return Truth.FALSE;
    Truth result = Truth.TRUE;
    for (Value v : values) result = result.and(test.apply(v));
    return result;
  }

  /** A test of a known text; UNKNOWN for an unknown value. */
  private static Function<Value, Truth> known(Predicate<Value> test) {
    return v -> v instanceof Value.Unknown ? Truth.UNKNOWN : Truth.of(test.test(v));
  }

  /** An aws:userid only a role session or the root user has; UNKNOWN for a value not known (unless it is an account id). */
  private static Truth roleSessionOrRoot(Value v) {
    if (v instanceof Value.Unknown u) return Principal.anAccountId(u) ? Truth.TRUE : Truth.UNKNOWN;
    Optional<String> text = v.asText().map(String::trim);
    return Truth.of(text.filter(t -> ROLE_SESSION_ID.matcher(t).matches() || Principal.ACCOUNT_ID.matcher(t).matches()).isPresent());
  }

  /**
   * A role ARN or a role session ARN, as {@code aws:PrincipalArn} sees a role's caller: the
   * service and resource type are written, the partition, account and name may be patterns or
   * unknown ({@code arn:aws:iam::*:role/x}; ArnLike compares the six fields one by one).
   */
  private static Truth roleArn(Value v) {
    Optional<String> text = v.asText().or(() -> v instanceof Value.Unknown u ? u.partial() : Optional.empty());
    if (text.isEmpty()) return v instanceof Value.Unknown ? Truth.UNKNOWN : Truth.FALSE;
    String[] parts = text.get().trim().split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn")) return v instanceof Value.Unknown ? Truth.UNKNOWN : Truth.FALSE;
    String hole = String.valueOf(Value.Unknown.HOLE);
    int slash = parts[5].indexOf('/');
    if (parts[2].contains(hole) || (slash < 0 ? parts[5] : parts[5].substring(0, slash)).contains(hole)) return Truth.UNKNOWN;
    String service = parts[2].toLowerCase(Locale.ROOT);
    return Truth.of((service.equals("iam") && parts[5].startsWith("role/"))
        || (service.equals("sts") && parts[5].startsWith("assumed-role/")));
  }

  /**
   * STS accepts external ids of 2 to 1224 characters: a test that only shorter values pass
   * never holds. StringEquals with such values; StringLike with such values and no {@code *}.
   * An IfExists test holds without any external id, so it is never inert.
   */
  private static Truth neverMatches(String operator, List<Value> values) {
    boolean exact = operator.equals("stringequals") || operator.equals("stringequalsignorecase");
    boolean like = operator.equals("stringlike");
    if (!exact && !like) return Truth.FALSE;
    return all(values, known(v -> v.asText().map(t -> t.length() < 2 && !(like && t.contains("*"))).orElse(false)));
  }
}
