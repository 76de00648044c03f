package dev.iamlint.rules;

import dev.iamlint.model.Trail;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/** CT007: trail logs are not encrypted with a KMS key (missing or empty key id). */
public final class TrailNotEncrypted implements Rule {

  @Override
  public String id() {
    return "CT007";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Trail t : ctx.model().trails()) {
      String what = "Trail " + t.resource().address();
      if (t.kmsKey().isEmpty()) {
        ctx.report(t.resource(), t.resource().header(), "kms",
            what + " does not encrypt its logs with a KMS key (no key is set: " + t.resource().setting("KMSKeyId", "kms_key_id", "KmsKeyId") + ")");
        continue;
      }
      Optional<Value> empty = t.kmsKey().get().alternativeWhere(v -> v instanceof Value.Null
          || v.asText().map(String::isBlank).orElse(false));
      empty.ifPresent(v -> ctx.report(t.resource(), v.location(), "kms",
          what + " sets an empty KMS key id" + v.provenance().suffix() + ": its logs are not encrypted with a KMS key"));
      // An unknown key id (a key created elsewhere) is a key: only an empty one is judged.
    }
  }
}
