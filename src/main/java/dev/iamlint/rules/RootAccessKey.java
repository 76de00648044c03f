package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * ROOT001: an access key for the root user. The user name must be exactly {@code root}
 * (case-insensitive, as IAM names are), not merely contain it; an inactive key still counts
 * because it can be re-activated.
 */
public final class RootAccessKey implements Rule {

  private static boolean isRoot(Value v) {
    return v.asText().map(t -> t.trim().equalsIgnoreCase("root")).orElse(false);
  }

  @Override
  public String id() {
    return "ROOT001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (AccessKey key : ctx.model().accessKeys()) {
      Optional<Value> root = key.user().alternativeWhere(RootAccessKey::isRoot)
          .or(() -> ctx.model().user(key.user(), Optional.of(key.resource())).map(u -> u.name()).filter(RootAccessKey::isRoot));
      if (root.isEmpty()) continue;
      Value at = key.user().alternatives().contains(root.get()) ? root.get() : key.user();
      ctx.report(key.resource(), at.location(), "root-key",
          "Access key " + key.resource().address() + " is created for the root user" + root.get().provenance().suffix()
              + ": root must have no access keys");
    }
  }
}
