package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.User;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * KEY004: more than one active access key for the same user. Keys are grouped by the user they
 * resolve to (its declaration, else its literal name), never by the text written; a key whose
 * user cannot be resolved is left out.
 */
public final class MultipleAccessKeys implements Rule {

  @Override
  public String id() {
    return "KEY004";
  }

  @Override
  public void check(RuleContext ctx) {
    Map<String, List<AccessKey>> byUser = new LinkedHashMap<>();
    for (AccessKey key : ctx.model().accessKeys()) {
      if (!key.certainlyActive()) continue;
      userKey(ctx.model(), key).ifPresent(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(key));
    }
    for (Map.Entry<String, List<AccessKey>> e : byUser.entrySet()) {
      List<AccessKey> keys = e.getValue();
      if (keys.size() < 2) continue;
      for (AccessKey key : keys) {
        List<AccessKey> others = keys.stream().filter(k -> k != key).toList();
        ctx.report(key.resource(), key.resource().header(), "user:" + e.getKey(),
            "User " + e.getKey() + " has " + keys.size() + " active access keys (" + key.resource().address() + ", "
                + String.join(", ", others.stream().map(k -> k.resource().address()).toList())
                + "): keep at most one active key per user",
            others.stream().map(k -> new Related("other active key " + k.resource().address(), k.resource().header()))
                .toArray(Related[]::new));
      }
    }
  }

  private static Optional<String> userKey(IamModel model, AccessKey key) {
    Optional<User> user = model.user(key.user());
    if (user.isPresent()) {
      return Optional.of(user.get().name().asText().map(n -> "\"" + n + "\"").orElse(user.get().resource().address()));
    }
    return key.user().asText().map(t -> "\"" + t.toLowerCase(Locale.ROOT) + "\"");
  }
}
