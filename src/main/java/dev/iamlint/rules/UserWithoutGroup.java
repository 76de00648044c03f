package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.UnreadCall;
import dev.iamlint.model.UnreadPart;
import dev.iamlint.model.User;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Optional;

/**
 * USR003: a user that belongs to no group, considering every membership form in the scan. A
 * membership that names an unknown user might be this user, and a module call outside the scan
 * that is handed the user might put it in a group, so it is not reported then.
 */
public final class UserWithoutGroup implements Rule {

  @Override
  public String id() {
    return "USR003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (User u : ctx.model().users()) {
      if (!ctx.model().inSomeGroup(u).isFalse()) continue;
      String name = Principals.named(u.name().asText(), u.resource().address());
      Optional<UnreadCall> call = ctx.model().handedOutside(u.resource(), u.name());
      if (call.isPresent()) {
        ctx.notJudged(u.resource(), u.resource().header(), "no-group", "Not decided whether user " + name
            + " belongs to a group: it is handed to " + call.get().resource().address()
            + ", whose " + (call.get().resource().type().startsWith("AWS::") ? "template" : "source")
            + " is not in the scan and may put it in one");
        continue;
      }
      // A template's loop (Fn::ForEach) or macro that is not read may add the user to a group: it
      // may Ref the user. A nested stack not read is a call: only what it is handed (above).
      Optional<UnreadPart> unread = ctx.model().unreadPartNaming(u.resource());
      if (unread.isPresent()) {
        ctx.notJudged(u.resource(), u.resource().header(), "no-group", "Not decided whether user " + name
            + " belongs to a group: " + unread.get().what() + " may put it in one");
        continue;
      }
      ctx.report(u.resource(), u.resource().header(), "no-group",
          "User " + name + " belongs to no group: manage its permissions through groups");
    }
  }
}
