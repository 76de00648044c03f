package dev.iamlint.rules;

import dev.iamlint.model.ComputeInstance;
import dev.iamlint.model.IamModel;
import dev.iamlint.model.InstanceProfile;
import dev.iamlint.rule.Related;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * EC2002: an instance profile without a role or naming an undeclared one, and an instance whose
 * profile reference is dangling or leads to a profile without a role. A literal profile name or
 * ARN is an external profile and is not judged; a dangling reference is not an unknown value.
 */
public final class InstanceProfileWithoutRole implements Rule {

  @Override
  public String id() {
    return "EC2002";
  }

  @Override
  public void check(RuleContext ctx) {
    for (InstanceProfile p : ctx.model().instanceProfiles()) {
      if (p.roles().isEmpty()) {
        ctx.report(p.resource(), p.resource().header(), "no-role",
            "Instance profile " + p.resource().address() + " has no role: instances using it get no credentials");
      }
      for (Value role : p.roles()) {
        dangling(role, ctx.model()).ifPresent(u -> ctx.report(p.resource(), role.location(), "dangling-role",
            "Instance profile " + p.resource().address() + " names a role that is not declared: " + u.reason()));
      }
    }
    for (ComputeInstance c : ctx.model().computeInstances()) {
      if (c.instanceProfile().isEmpty()) continue;
      Value profile = c.instanceProfile().get();
      String what = "EC2 " + c.kind().noun() + " " + c.resource().address();
      Optional<Value.Unknown> missing = dangling(profile, ctx.model());
      if (missing.isPresent()) {
        ctx.report(c.resource(), profile.location(), "dangling-profile",
            what + " refers to an instance profile that is not declared: " + missing.get().reason());
        continue;
      }
      ctx.model().instanceProfile(profile, Optional.of(c.resource())).filter(p -> p.roles().isEmpty()).ifPresent(p ->
          ctx.report(c.resource(), profile.location(), "profile-without-role",
              what + " uses instance profile " + p.resource().address() + ", which has no role",
              new Related("instance profile defined here", p.resource().header())));
    }
  }

  /**
   * A reference to an element that is not declared. The name of a declared role built from an
   * undeclared variable ({@code "${var.prefix}-app"}) is unknown for that reason, yet the role is
   * there: its reference names a declaration.
   */
  private static Optional<Value.Unknown> dangling(Value v, IamModel model) {
    return v.alternativeWhere(a -> a instanceof Value.Unknown u && u.cause() == Value.Cause.UNDECLARED
            && u.reference().isPresent() && model.declaration(u).isEmpty())
        .map(Value.Unknown.class::cast);
  }
}
