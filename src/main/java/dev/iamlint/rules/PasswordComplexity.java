package dev.iamlint.rules;

import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** PWD003: a character class the password policy does not require (missing = not required), one finding per flag. */
public final class PasswordComplexity implements Rule {

  @Override
  public String id() {
    return "PWD003";
  }

  /** The flags as the AWS API (get-account-password-policy) names them. */
  private static final Map<String, String> API_NAMES = Map.of("require_uppercase_characters", "RequireUppercaseCharacters",
      "require_lowercase_characters", "RequireLowercaseCharacters", "require_numbers", "RequireNumbers",
      "require_symbols", "RequireSymbols");

  @Override
  public void check(RuleContext ctx) {
    for (PasswordPolicy p : ctx.model().passwordPolicies()) {
      Map<String, Optional<Value>> flags = new LinkedHashMap<>();
      flags.put("require_uppercase_characters", p.requireUppercase());
      flags.put("require_lowercase_characters", p.requireLowercase());
      flags.put("require_numbers", p.requireNumbers());
      flags.put("require_symbols", p.requireSymbols());
      flags.forEach((setting, value) -> {
        String name = p.resource().apiSetting(setting, API_NAMES.get(setting));
        if (value.isEmpty()) {
          ctx.report(p.resource(), p.resource().header(), setting,
              "The password policy does not set " + name + " (default false): require it");
        } else {
          value.get().alternativeIs(false).ifPresentOrElse(v -> ctx.report(p.resource(), v.location(), setting,
              "The password policy sets " + name + " to false" + v.provenance().suffix() + ": require it"),
              () -> ctx.undecided(p.resource(), value.get(), setting, "whether " + name + " is true"));
        }
      });
    }
  }
}
