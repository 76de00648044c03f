package dev.iamlint.iam;

import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a statement's {@code Condition} really limits who or what it applies to. Having a
 * condition is not enough: MFA, TLS, time and region tests leave the grant as broad for whoever
 * holds the credentials, and {@code ForAllValues:} in an Allow holds when the key is absent.
 */
public final class Conditions {

  /** Keys that do not narrow the set of callers or resources a grant applies to. */
  private static final Set<String> NON_RESTRICTING_KEYS = Set.of(
      "aws:multifactorauthpresent", "aws:multifactorauthage", "aws:securetransport", "aws:currenttime",
      "aws:epochtime", "aws:requestedregion", "aws:useragent", "aws:tokenissuetime", "aws:viaawsservice",
      "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:referer");
  /**
   * Keys a request may lack: a caller outside any organization has no {@code aws:PrincipalOrgID},
   * a direct call no {@code aws:SourceAccount}, an AssumeRole call without one no {@code
   * sts:ExternalId}. Tested with an {@code ...IfExists} operator they let every request that
   * lacks them through, so they restrict nobody.
   */
  private static final Set<String> MAY_BE_ABSENT_KEYS = Set.of(
      "aws:principalorgid", "aws:principalorgpaths", "aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid",
      "aws:sourceorgpaths", "sts:externalid", "aws:sourcevpc", "aws:sourcevpce", "aws:vpcsourceip");
  /**
   * Keys that limit an identity policy's grant to requests an AWS service makes on the
   * principal's behalf (forward access sessions): the principal cannot make those calls itself,
   * and what it can make the service do depends on its other permissions.
   */
  private static final Set<String> VIA_SERVICE_KEYS = Set.of("aws:viaawsservice", "aws:calledvia", "aws:calledviafirst",
      "aws:calledvialast");

  private Conditions() {}

  /** TRUE when the statement has no condition, or only conditions that do not restrict. */
  public static Truth unrestricted(Optional<Value> condition, boolean allow) {
    return unrestricted(condition, allow, false);
  }

  /**
   * The same for an Allow of an identity policy (what its principal may do): a test of the
   * service a request comes through ({@code aws:CalledVia}, {@code aws:ViaAWSService}) makes
   * the grant undecided rather than open, since it applies only to what a service does for the
   * principal.
   */
  public static Truth unrestrictedGrant(Optional<Value> condition) {
    return unrestricted(condition, true, true);
  }

  private static Truth unrestricted(Optional<Value> condition, boolean allow, boolean grant) {
    if (condition.isEmpty()) return Truth.TRUE;
    Truth unrestricted = Truth.FALSE;
    for (Value alternative : condition.get().alternatives()) {
      unrestricted = unrestricted.or(unrestrictedOne(alternative, allow, grant));
    }
    return unrestricted;
  }

  /** Operators under which an iam:PassedToService test names the services the role may go to. */
  private static final Set<String> SERVICE_OPERATORS = Set.of("stringequals", "stringequalsignorecase", "stringlike",
      "foranyvalue:stringequals", "foranyvalue:stringequalsignorecase", "foranyvalue:stringlike");

  /**
   * The services an Allow's condition lets a role be passed to, when {@code iam:PassedToService}
   * is all it restricts: one list of patterns per operator, all of which must match (the blocks
   * of a condition hold together). Empty when the condition restricts anything else, or is not
   * known.
   */
  public static Optional<List<List<String>>> passedToServiceOnly(Optional<Value> condition) {
    if (condition.isEmpty() || condition.get().alternatives().size() != 1
        || !(condition.get().alternatives().get(0) instanceof Value.MapV operators)) {
      return Optional.empty();
    }
    List<List<String>> blocks = new ArrayList<>();
    for (Value.MapV.Entry op : operators.entries()) {
      if (!(op.value() instanceof Value.MapV keys)) return Optional.empty();
      for (Value.MapV.Entry key : keys.entries()) {
        String name = key.key().toLowerCase(Locale.ROOT);
        if (NON_RESTRICTING_KEYS.contains(name)) continue;
        if (!name.equals("iam:passedtoservice") || !SERVICE_OPERATORS.contains(op.key().toLowerCase(Locale.ROOT))) {
          return Optional.empty();
        }
        List<String> patterns = new ArrayList<>();
        for (Value item : key.value().items()) {
          for (Value v : item.alternatives()) {
            Optional<String> text = v.asText();
            if (text.isEmpty()) return Optional.empty();
            patterns.add(text.get().trim());
          }
        }
        blocks.add(List.copyOf(patterns));
      }
    }
    return blocks.isEmpty() ? Optional.empty() : Optional.of(List.copyOf(blocks));
  }

  /**
   * Whether no request can meet the condition, in any branch: it tests the region against values
   * no region name can match (see {@link #noRegionMatches}). A statement with such a condition
   * never applies.
   */
  public static boolean neverHolds(Optional<Value> condition) {
    if (condition.isEmpty()) return false;
    for (Value alternative : condition.get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators) || !neverHoldsOne(operators)) return false;
    }
    return true;
  }

  private static boolean neverHoldsOne(Value.MapV operators) {
    for (Value.MapV.Entry op : operators.entries()) {
      if (!(op.value() instanceof Value.MapV keys)) continue;
      for (Value.MapV.Entry key : keys.entries()) {
        if (key.key().toLowerCase(Locale.ROOT).equals(REQUESTED_REGION)
            && noRegionMatches(op.key().toLowerCase(Locale.ROOT), key.value())) {
          return true;
        }
      }
    }
    return false;
  }

  private static final String REQUESTED_REGION = "aws:requestedregion";
  /** The operators under which a region test holds only for the values listed. */
  private static final Set<String> MATCHING = Set.of("stringequals", "stringequalsignorecase", "stringlike");
  /** What a region name, or a pattern that may match one, is made of. */
  private static final Pattern REGION_OR_PATTERN = Pattern.compile("(?i)[a-z0-9*?-]+");

  /** A lower-case operator without its ForAnyValue: prefix and IfExists suffix. */
  static String baseOperator(String operator) {
    String o = operator.startsWith("foranyvalue:") ? operator.substring("foranyvalue:".length()) : operator;
    return o.endsWith("ifexists") ? o.substring(0, o.length() - "ifexists".length()) : o;
  }

  /**
   * A region test that no region passes: every value listed is known and could match no region
   * name (a placeholder left in by mistake, {@code "$var.region"}). The statement never applies.
   */
  private static boolean noRegionMatches(String operator, Value tested) {
    if (!MATCHING.contains(baseOperator(operator))) return false;
    boolean any = false;
    for (Value item : tested.items()) {
      for (Value v : item.alternatives()) {
        Optional<String> text = v.asText();
        if (text.isEmpty() || REGION_OR_PATTERN.matcher(text.get().trim()).matches()) return false;
        any = true;
      }
    }
    return any;
  }

  private static Truth unrestrictedOne(Value condition, boolean allow, boolean grant) {
    if (condition instanceof Value.Null) return Truth.TRUE;
    if (!(condition instanceof Value.MapV operators)) return Truth.UNKNOWN;
    if (operators.entries().isEmpty()) return Truth.TRUE;
    if (neverHoldsOne(operators)) return Truth.FALSE;
    Truth result = Truth.TRUE;
    for (Value.MapV.Entry op : operators.entries()) {
      String operator = op.key().toLowerCase(Locale.ROOT);
      if (!(op.value() instanceof Value.MapV keys)) return Truth.UNKNOWN;
      for (Value.MapV.Entry key : keys.entries()) {
        boolean permissiveSet = allow && operator.startsWith("forallvalues:");
        String name = key.key().toLowerCase(Locale.ROOT);
        // Holds wherever the key is absent, or only asks that it be there: either lets anyone in
        // (in a trust policy the caller brings its own principal and tags; in an identity policy
        // the principal is given, and only what the request carries is the caller's to add).
        boolean absentPasses = operator.endsWith("ifexists") && MAY_BE_ABSENT_KEYS.contains(name);
        boolean presenceOnly = operator.equals("null") && key.value().items().stream()
            .allMatch(v -> v.asBoolean().map(b -> !b).orElse(false)) && !key.value().items().isEmpty()
            && (!grant || name.startsWith("aws:requesttag/") || name.equals("aws:tagkeys"));
        if (allow && (absentPasses || presenceOnly)) continue;
        if (!permissiveSet && !NON_RESTRICTING_KEYS.contains(name)) return Truth.FALSE;
        if (!permissiveSet && grant && VIA_SERVICE_KEYS.contains(name)) result = Truth.UNKNOWN;
      }
    }
    return result;
  }

  /**
   * Whether every branch of the condition requires a session signed in with MFA: a {@code Bool}
   * test of {@code aws:MultiFactorAuthPresent} for "true" (not {@code BoolIfExists}, which holds
   * where the key is absent).
   */
  public static boolean requiresMfa(Optional<Value> condition) {
    if (condition.isEmpty()) return false;
    for (Value alternative : condition.get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators)) return false;
      boolean requires = false;
      for (Value.MapV.Entry op : operators.entries()) {
        if (!op.key().equalsIgnoreCase("Bool") || !(op.value() instanceof Value.MapV keys)) continue;
        Optional<Value.MapV.Entry> mfa = keys.entryIgnoreCase("aws:MultiFactorAuthPresent");
        if (mfa.isEmpty()) continue;
        List<Value> values = mfa.get().value().items();
        requires |= !values.isEmpty() && values.stream().allMatch(v -> v.isKnown() && v.asBoolean().orElse(false));
      }
      if (!requires) return false;
    }
    return true;
  }
}
