package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.AccessKey;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/** KEY001: an active IAM user access key is created (a long-lived credential). */
public final class LongLivedAccessKey implements Rule {

  @Override
  public String id() {
    return "KEY001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (AccessKey key : ctx.model().accessKeys()) {
      Optional<Optional<Value>> active = key.activeBranch();
      if (active.isEmpty()) {
        key.status().ifPresent(s -> ctx.undecided(key.resource(), s, "key",
            "whether access key " + key.resource().address() + " is active"));
        continue;
      }
      String user = Principals.user(ctx.model(), key.user(), key.resource());
      ctx.report(key.resource(), active.get().map(Value::location).orElse(key.resource().header()), "key",
          "Access key " + key.resource().address() + " is a long-lived credential for " + user
              + active.get().map(v -> v.provenance().suffix()).orElse("")
              + ": prefer roles or IAM Identity Center; if unavoidable, rotate it within 90 days");
    }
  }
}
