package dev.iamlint.rules;

import dev.iamlint.iam.Conditions;
import dev.iamlint.iam.Principal;
import dev.iamlint.model.Role;
import dev.iamlint.model.Statement;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * TRUST001: a role's trust policy lets everyone assume it ({@code "*"} or {@code {"AWS": "*"}})
 * with no condition restricting the caller (organization, account, ARN, external id...).
 */
public final class RoleTrustsEveryone implements Rule {

  @Override
  public String id() {
    return "TRUST001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (Role role : ctx.model().roles()) {
      if (role.trustPolicy().isEmpty()) continue;
      int index = 0;
      for (Statement s : role.trustPolicy().get().statements()) {
        index++;
        if (!s.isAllow() || s.principal().isEmpty()) continue;
        Optional<Value> everyone = Principal.everyone(s.principal().get());
        if (everyone.isEmpty()) {
          ctx.undecided(role.resource(), s.principal().get(), "trust:" + s.sid().flatMap(Value::asText).orElse("#" + index),
              "whether role " + role.resource().address() + " can be assumed by anyone");
          continue;
        }
        if (!Conditions.unrestricted(s.condition(), true).isTrue()) continue;
        ctx.report(role.resource(), everyone.get().location(), "trust:" + s.sid().flatMap(Value::asText).orElse("#" + index),
            "Role " + role.resource().address() + " can be assumed by anyone (Principal " + everyone.get().display()
                + ", no condition restricts the caller)" + everyone.get().provenance().suffix()
                + ": name the accounts or roles, or add aws:PrincipalOrgID / sts:ExternalId");
      }
    }
  }
}
