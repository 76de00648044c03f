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
 * {@code aws:MultiFactorAuthPresent} is false. {@code BoolIfExists} covers console sessions and
 * access keys at once; {@code Bool} "false" misses access keys (the key is absent there) unless
 * another such Deny tests {@code Null} "true" on the key.
 */
public final class MfaEnforcement {
  private static final String KEY = "aws:multifactorauthpresent";

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
        if (broad.isFalse() || s.condition().isEmpty()) continue;
        if (!(s.condition().get() instanceof Value.MapV operators)) {
          unknown = unknown.or(s::condition);
          continue;
        }
        if (!broad.isTrue()) {
          unknown = unknown.or(() -> s.action().or(s::resource));
          continue;
        }
        for (Value.MapV.Entry op : operators.entries()) {
          String operator = op.key().toLowerCase(Locale.ROOT);
          Optional<Boolean> tested = tested(op.value());
          if (tested.isEmpty()) continue;
          if (operator.equals("boolifexists") && !tested.get()) return new Verdict(Truth.TRUE, Optional.of(s), Optional.empty());
          if (operator.equals("bool") && !tested.get()) boolFalse = boolFalse.or(() -> Optional.of(s));
          if (operator.equals("null") && tested.get()) nullTrue = nullTrue.or(() -> Optional.of(s));
        }
      }
    }
    if (boolFalse.isPresent() && nullTrue.isPresent()) return new Verdict(Truth.TRUE, boolFalse, Optional.empty());
    return new Verdict(unknown.isPresent() ? Truth.UNKNOWN : Truth.FALSE, Optional.empty(), unknown);
  }

  /** The boolean a condition block tests aws:MultiFactorAuthPresent against, when it does. */
  private static Optional<Boolean> tested(Value keys) {
    if (!(keys instanceof Value.MapV m)) return Optional.empty();
    for (Value.MapV.Entry k : m.entries()) {
      if (!k.key().toLowerCase(Locale.ROOT).equals(KEY)) continue;
      for (Value v : k.value().items()) {
        Optional<Boolean> b = v.asBoolean();
        if (b.isPresent()) return b;
      }
    }
    return Optional.empty();
  }

  /** {@code *} or a NotAction, on every resource. */
  private static Truth coversEverything(Statement s) {
    Truth actions = s.notAction().isPresent() ? Truth.TRUE : StatementScope.allActions(s).covers();
    return actions.and(StatementScope.allResources(s).covers());
  }
}
