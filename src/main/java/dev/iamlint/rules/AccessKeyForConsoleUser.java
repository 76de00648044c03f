package dev.iamlint.rules;

import dev.iamlint.model.AccessKey;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.User;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** KEY005: a user with console access also gets an access key (CIS 1.11: none at initial setup). */
public final class AccessKeyForConsoleUser implements Rule {

  @Override
  public String id() {
    return "KEY005";
  }

  @Override
  public void check(RuleContext ctx) {
    // A key and a user's address make one message: users of the same name and address in many
    // deployments that may share an account would repeat it for every pair.
    Set<List<Object>> reported = new HashSet<>();
    for (User u : ctx.model().users()) {
      List<LoginProfile> profiles = ctx.model().loginProfiles(u);
      if (profiles.isEmpty()) continue;
      // Inactive keys count too: they can be re-activated.
      for (AccessKey key : ctx.model().accessKeys(u)) {
        if (!reported.add(List.of(key.resource(), u.resource().address()))) continue;
        ctx.report(key.resource(), key.resource().header(), "console-user",
            "Access key " + key.resource().address() + " is created for " + u.resource().address()
                + ", who also signs in to the console: give console users no access keys",
            new Related("console access defined here", profiles.get(0).location()));
      }
    }
  }
}
