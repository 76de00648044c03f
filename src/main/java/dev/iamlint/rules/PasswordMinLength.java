package dev.iamlint.rules;

import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * PWD002: passwords shorter than 14 characters: the account policy's minimum (missing = 8), a
 * generated initial console password, or a literal one.
 */
public final class PasswordMinLength implements Rule {
  static final int MIN_LENGTH = 14;

  @Override
  public String id() {
    return "PWD002";
  }

  @Override
  public void check(RuleContext ctx) {
    int min = ctx.threshold("min_length", MIN_LENGTH);
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      if (p.minimumLength().isEmpty()) {
        ctx.report(p.resource(), p.resource().header(), "minimum",
            "The password policy does not set " + p.resource().apiSetting("minimum_password_length", "MinimumPasswordLength") + " (AWS default 8): require at least " + min);
        continue;
      }
      shorter(p.minimumLength().get(), min).ifPresentOrElse(v -> ctx.report(p.resource(), v.location(), "minimum",
          "The password policy allows passwords of " + v.displayNumber() + " characters" + v.provenance().suffix()
              + ": require at least " + min),
          () -> ctx.undecided(p.resource(), p.minimumLength().get(), "minimum",
              "whether " + p.resource().apiSetting("minimum_password_length", "MinimumPasswordLength") + " is at least " + min));
    }
    for (LoginProfile l : ctx.model().loginProfiles()) {
      l.generatedLength().flatMap(v -> shorter(v, min)).ifPresent(v -> ctx.report(l.resource(), v.location(),
          "initial-length", "The initial console password of " + l.resource().address() + " is generated with "
              + v.displayNumber() + " characters" + v.provenance().suffix() + ": use at least " + min));
      // A literal password (YAML may read one as a number) shorter than the minimum. An empty one
      // is no password: IAM refuses it, the stack does not deploy (a parameter whose default is ""
      // must be given a value).
      l.password().flatMap(p -> p.alternativeWhere(a -> (a instanceof Value.Str || a instanceof Value.Num)
              && a.asText().map(t -> !t.isEmpty() && t.length() < min).orElse(false)))
          .ifPresent(v -> ctx.report(l.resource(), v.location(), "initial-length",
              "The initial console password of " + l.resource().address() + " has only "
                  + v.asText().orElseThrow().length() + " characters" + v.provenance().suffix() + ": use at least " + min));
    }
  }

  private static Optional<Value> shorter(Value v, int min) {
    return v.alternativeWhere(a -> a.asNumber().map(n -> n.compareTo(BigDecimal.valueOf(min)) < 0).orElse(false));
  }
}
