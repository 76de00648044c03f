package dev.iamlint.rules;

import dev.iamlint.model.ComputeInstance;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * EC2001: an instance, launch template or launch configuration with no instance profile. An
 * instance started from a launch template is not judged: the template is (or is external).
 */
public final class InstanceWithoutRole implements Rule {

  @Override
  public String id() {
    return "EC2001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (ComputeInstance c : ctx.model().computeInstances()) {
      if (c.instanceProfile().isPresent()) continue;
      // Started from a launch template: the template gives the profile, or it is judged itself.
      if (c.launchTemplate().isPresent()) continue;
      ctx.report(c.resource(), c.resource().header(), "no-profile",
          "EC2 " + c.kind().noun() + " " + c.resource().address()
              + " has no instance profile: its workload gets no role and tends to be given static keys");
    }
  }
}
