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
      if (!key.certainlyActive()) continue;
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
   * Who a key belongs to. A known name is the user (IAM names are unique per account, whatever
   * file declares them); a user whose name is not known is only its own declaration: the same
   * address in two root modules or templates is two users.
   */
  private record UserIdentity(String key, String display) {}

  private static Optional<UserIdentity> identity(IamModel model, AccessKey key) {
    // The same name in deployments pinned to different accounts is a different user.
    String account = "@" + String.join(",", model.deploymentOf(key.resource()).accounts());
    Optional<User> user = model.user(key.user(), Optional.of(key.resource()));
    if (user.isPresent()) {
      Optional<String> name = user.get().name().asText();
      if (name.isPresent()) {
        return Optional.of(new UserIdentity("name:" + name.get().toLowerCase(Locale.ROOT) + account, "\"" + name.get() + "\""));
      }
      ResourceRef r = user.get().resource();
      return Optional.of(new UserIdentity("declared:" + r.scope() + "|" + r.address(), r.address()));
    }
    return key.user().asText().map(t -> new UserIdentity("name:" + t.toLowerCase(Locale.ROOT) + account,
        "\"" + t.toLowerCase(Locale.ROOT) + "\""));
  }

  /** A key as the message names it: its address, with its file when it lives in another deployment. */
  private static String named(AccessKey key, AccessKey from) {
    return key.resource().deployment().equals(from.resource().deployment()) ? key.resource().address()
        : key.resource().address() + " in " + key.resource().file();
  }
}
