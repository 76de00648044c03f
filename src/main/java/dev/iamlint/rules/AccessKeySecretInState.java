package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** KEY003: an access key's secret is stored in the Terraform state in clear (no pgp_key). */
public final class AccessKeySecretInState implements Rule {

  @Override
  public String id() {
    return "KEY003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (AccessKey key : ctx.model().accessKeys()) {
      key.secret().filter(s -> s.exposed()).ifPresent(s -> ctx.report(key.resource(), s.location(), "state",
          "The secret of access key " + key.resource().address() + " is " + s.description()
              + ": anyone who can read the state has the key; set pgp_key"));
    }
  }
}
