package dev.iamlint.iam;

import dev.iamlint.model.PolicyDocument;
import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a set of identity policies enforces MFA: a {@code Deny} over every action ({@code *})
 * or everything but a few ({@code NotAction}), on every resource, that applies when
 * {@code aws:MultiFactorAuthPresent} is false (a Deny without condition applies then too: a
 * principal denied everything does nothing without MFA). {@code BoolIfExists} covers console sessions and
 * access keys at once; {@code Bool} "false" misses access keys (the key is absent there) unless
 * another such Deny tests {@code Null} "true" on the key. {@code Null} "true" on
 * {@code aws:MultiFactorAuthAge}, a key present only with MFA, covers both at once too.
 */
public final class MfaEnforcement {
  private static final String KEY = "aws:multifactorauthpresent";
  /** Present only in requests made with MFA: {@code Null} "true" on it is true exactly without MFA. */
  private static final String AGE = "aws:multifactorauthage";

  private MfaEnforcement() {}

  /** The enforcing statement when one is found; UNKNOWN when a Deny that might be one is not known. */
  public record Verdict(Truth enforced, Optional<Statement> statement, Optional<Value> unknown) {}

  public static Verdict of(Iterable<PolicyDocument> documents) {
    Optional<Statement> boolFalse = Optional.empty();
    Optional<Statement> nullTrue = Optional.empty();
    Optional<Value> unknown = Optional.empty();
    for (PolicyDocument d : documents) {
      for (Statement s : d.statements()) {
        if (s.isAllow()) continue;
        if (!s.isDeny()) {
          if (s.effect().isPresent() && s.effect().get().asText().isEmpty()) unknown = unknown.or(s::effect);
          continue;
        }
        Truth broad = coversEverything(s);
        if (broad.isFalse()) continue;
        // With no condition the Deny applies with MFA and without: nothing it covers is done without MFA.
        if (s.condition().isEmpty()) {
          if (broad.isTrue()) return new Verdict(Truth.TRUE, Optional.of(s), Optional.empty());
          unknown = unknown.or(() -> s.actionElement().or(s::resource));
          continue;
        }
        if (!(s.condition().get() instanceof Value.MapV operators)) {
          unknown = unknown.or(s::condition);
          continue;
        }
        // Only a Deny whose one condition is the MFA test always applies without MFA: any other
        // condition is ANDed and narrows it (a region, TLS), and Bool "false" with Null "true"
        // in one statement can never both hold.
        Optional<Test> test = loneMfaTest(operators);
        if (test.isEmpty()) continue;
        if (test.get().value().isEmpty() || !broad.isTrue()) {
          Value why = test.get().value().isEmpty() ? test.get().raw()
              : s.actionElement().or(s::resource).orElse(test.get().raw());
          unknown = unknown.or(() -> Optional.of(why));
          continue;
        }
        boolean tested = test.get().value().get();
        if (test.get().age()) {
          if (tested) return new Verdict(Truth.TRUE, Optional.of(s), Optional.empty());
          continue;
        }
        if (test.get().operator().equals("boolifexists") && !tested) return new Verdict(Truth.TRUE, Optional.of(s), Optional.empty());
        if (test.get().operator().equals("bool") && !tested) boolFalse = boolFalse.or(() -> Optional.of(s));
        if (test.get().operator().equals("null") && tested) nullTrue = nullTrue.or(() -> Optional.of(s));
      }
    }
    if (boolFalse.isPresent() && nullTrue.isPresent()) return new Verdict(Truth.TRUE, boolFalse, Optional.empty());
    return new Verdict(unknown.isPresent() ? Truth.UNKNOWN : Truth.FALSE, Optional.empty(), unknown);
  }

  /**
   * Whether a principal with these policies can call {@code action} only with MFA: an
   * enforcing Deny covers the action (a NotAction Deny leaves out what it lists). UNKNOWN when
   * the enforcement is not known or a listed action is not.
   */
  public static Truth requiredFor(Iterable<PolicyDocument> documents, String action) {
    Verdict v = of(documents);
    if (!v.enforced().isTrue()) return v.enforced();
    return StatementScope.coversAction(v.statement().orElseThrow(), action);
  }

  /**
   * Whether a trust policy itself denies {@code action} to every caller without MFA: a Deny of
   * everyone ({@code "*"}, {@code {"AWS": "*"}}) whose actions cover it and whose one condition is
   * the MFA test, {@code BoolIfExists "false"}, or {@code Bool "false"} beside a {@code Null
   * "true"} one. UNKNOWN when such a Deny's action or tested value is not known.
   */
  public static Truth deniedWithoutMfaInTrust(PolicyDocument trust, String action) {
    Truth boolFalse = Truth.FALSE;
    Truth nullTrue = Truth.FALSE;
    Truth result = Truth.FALSE;
    for (Statement s : trust.statements()) {
      if (!s.isDeny() || s.principal().flatMap(Principal::everyone).isEmpty()) continue;
      if (s.condition().isEmpty() || !(s.condition().get() instanceof Value.MapV operators)) continue;
      Optional<Test> test = loneMfaTest(operators);
      if (test.isEmpty()) continue;
      Truth covers = StatementScope.coversAction(s, action);
      if (test.get().value().isEmpty()) {
        result = result.or(covers.and(Truth.UNKNOWN));
        continue;
      }
      boolean tested = test.get().value().get();
      String operator = test.get().operator();
      if (test.get().age()) {
        if (tested) result = result.or(covers);
        continue;
      }
      if (operator.equals("boolifexists") && !tested) result = result.or(covers);
      if (operator.equals("bool") && !tested) boolFalse = boolFalse.or(covers);
      if (operator.equals("null") && tested) nullTrue = nullTrue.or(covers);
    }
    return result.or(boolFalse.and(nullTrue));
  }

  /**
   * The MFA key test of a condition block; {@code value} is empty when the tested value is
   * unknown; {@code age}: a {@code Null} test of aws:MultiFactorAuthAge.
   */
  private record Test(String operator, Optional<Boolean> value, Value raw, boolean age) {
    Test(String operator, Optional<Boolean> value, Value raw) {
      this(operator, value, raw, false);
    }
  }

  /** The condition's only test, when it is a test of aws:MultiFactorAuthPresent, or a Null test of aws:MultiFactorAuthAge. */
  private static Optional<Test> loneMfaTest(Value.MapV operators) {
    if (operators.entries().size() != 1) return Optional.empty();
    Value.MapV.Entry op = operators.entries().get(0);
    if (!(op.value() instanceof Value.MapV keys) || keys.entries().size() != 1) return Optional.empty();
    Value.MapV.Entry k = keys.entries().get(0);
    String key = k.key().toLowerCase(Locale.ROOT);
    boolean age = key.equals(AGE) && op.key().equalsIgnoreCase("null");
    if (!key.equals(KEY) && !age) return Optional.empty();
    Optional<Boolean> value = Optional.empty();
    for (Value v : k.value().items()) {
      for (Value alt : v.alternatives()) {
        Optional<Boolean> b = alt.asBoolean();
        if (b.isEmpty()) return Optional.of(new Test(op.key().toLowerCase(Locale.ROOT), Optional.empty(), alt));
        // Branches of a condition that test different values: which one applies is not known.
        if (value.isPresent() && !value.equals(b)) return Optional.of(new Test(op.key().toLowerCase(Locale.ROOT), Optional.empty(), alt));
        if (value.isEmpty()) value = b;
      }
    }
    return value.map(b -> new Test(op.key().toLowerCase(Locale.ROOT), Optional.of(b), k.value(), age));
  }

  /** {@code *} or a NotAction, on every resource. */
  private static Truth coversEverything(Statement s) {
    Truth actions = s.notAction().isPresent() ? notEverythingExcluded(s.notAction().get()) : StatementScope.allActions(s).covers();
    return actions.and(StatementScope.allResources(s).covers());
  }

  /** A NotAction denies something unless it excludes every action ({@code *}, {@code *:*}). */
  private static Truth notEverythingExcluded(Value notAction) {
    for (Value item : notAction.items()) {
      for (Value v : item.alternatives()) {
        Optional<String> t = v.asText().map(String::trim);
        if (t.isEmpty()) return Truth.UNKNOWN;
        if (t.get().equals("*") || t.get().equals("*:*")) return Truth.FALSE;
      }
    }
    return Truth.TRUE;
  }
}
