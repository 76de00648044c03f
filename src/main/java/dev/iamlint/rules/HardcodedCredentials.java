package dev.iamlint.rules;

import dev.iamlint.model.StaticCredential;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * KEY006: an AWS access key id (or a secret key under a credential-looking name) written as a
 * literal in configuration: provider blocks, module arguments, user data, Lambda environments,
 * any resource property. The message masks all but 4 characters.
 */
public final class HardcodedCredentials implements Rule {

  @Override
  public String id() {
    return "KEY006";
  }

  @Override
  public void check(RuleContext ctx) {
    for (StaticCredential c : ctx.model().credentials()) {
      if (c.kind() != StaticCredential.Kind.KEY_LITERAL) continue;
      ctx.reportWritten(c.resource(), c.location(), "key:" + c.description(), capitalize(c.description())
          + ": anyone who can read the source has the key; deactivate it and use roles or a secrets manager");
    }
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
