package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.ResourceRef;
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
    Map<UserIdentity, List<AccessKey>> byUser = new LinkedHashMap<>();
    for (AccessKey key : ctx.model().accessKeys()) {
      // A key that may not be created (unknown count) makes no pair certain.
      if (!key.certainlyActive() || key.resource().mayNotExist().isPresent()) continue;
      identity(ctx.model(), key).ifPresent(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(key));
    }
    for (Map.Entry<UserIdentity, List<AccessKey>> e : byUser.entrySet()) {
      List<AccessKey> keys = e.getValue();
      if (keys.size() < 2) continue;
      String user = e.getKey().display();
      for (AccessKey key : keys) {
        List<AccessKey> others = keys.stream().filter(k -> k != key).toList();
        ctx.report(key.resource(), key.resource().header(), "user:" + user,
            "User " + user + " has " + keys.size() + " active access keys (" + key.resource().address() + ", "
                + String.join(", ", others.stream().map(k -> named(k, key)).toList())
                + "): keep at most one active key per user",
            others.stream().map(k -> new Related("other active key " + named(k, key), k.resource().header()))
                .toArray(Related[]::new));
      }
    }
  }

  /**
   * Who a key belongs to: the user it designates (by reference or by name, nearest first), else
   * the name it gives within its own deployment. Two root modules that each declare a user of
   * the same name cannot both apply in one account, so their users are two; a key naming a user
   * it does not declare joins the user declared elsewhere.
   */
  private record UserIdentity(String key, String display) {}

  private static Optional<UserIdentity> identity(IamModel model, AccessKey key) {
    Optional<User> user = model.user(key.user(), Optional.of(key.resource()));
    if (user.isPresent()) {
      ResourceRef r = user.get().resource();
      String display = user.get().name().asText().map(n -> "\"" + n + "\"").orElse(r.address());
      // The deployment too: a module called by two root modules has the same scope and address in both.
      return Optional.of(new UserIdentity("declared:" + r.deployment() + "|" + r.scope() + "|" + r.address(), display));
    }
    return key.user().asText().map(t -> new UserIdentity("name:" + t.toLowerCase(Locale.ROOT) + "|" + key.resource().deployment(),
        "\"" + t.toLowerCase(Locale.ROOT) + "\""));
  }

  /** A key as the message names it: its address, with its file when it lives in another deployment. */
  private static String named(AccessKey key, AccessKey from) {
    return key.resource().deployment().equals(from.resource().deployment()) ? key.resource().address()
        : key.resource().address() + " in " + key.resource().file();
  }
}
