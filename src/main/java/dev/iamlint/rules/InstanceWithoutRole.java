package dev.iamlint.rules;

import dev.iamlint.model.ComputeInstance;
import dev.iamlint.model.ServiceLaunch;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.util.Optional;

/**
 * EC2001: an instance, launch template or launch configuration with no instance profile. An
 * instance started from a launch template is not judged: the template is (or is external). A
 * launch template that an EKS managed node group or an AWS Batch compute environment starts
 * instances from gets its role from that service. An instance whose metadata service is turned
 * off ({@code http_endpoint = "disabled"}) cannot fetch role credentials: no role is its design.
 */
public final class InstanceWithoutRole implements Rule {

  @Override
  public String id() {
    return "EC2001";
  }

  @Override
  public void check(RuleContext ctx) {
    for (ComputeInstance c : ctx.model().computeInstances()) {
      // Started from a launch template: the template gives the profile, or it is judged itself.
      if (c.launchTemplate().isPresent()) continue;
      String what = "EC2 " + c.kind().noun() + " " + c.resource().address();
      Optional<ServiceLaunch> service = launchedBy(ctx, c, Truth.TRUE);
      if (service.isPresent()) continue;
      Optional<ServiceLaunch> maybe = launchedBy(ctx, c, Truth.UNKNOWN);
      if (maybe.isPresent()) {
        ctx.undecided(c.resource(), maybe.get().template(), "no-profile", "whether " + what + " needs an instance profile ("
            + maybe.get().service() + " " + maybe.get().resource().address() + " may start instances from it with its own role)");
        continue;
      }
      // With the metadata service turned off no role credentials can reach the instance: no role is by design.
      Truth imdsOff = c.metadataEndpoint().map(InstanceWithoutRole::disabled).orElse(Truth.FALSE);
      if (imdsOff.isTrue()) continue;
      if (!imdsOff.isFalse() && !hasProfile(c)) {
        ctx.undecided(c.resource(), c.metadataEndpoint(), "no-profile", "whether " + what
            + " needs an instance profile (its metadata service may be disabled)");
        continue;
      }
      if (c.instanceProfile().isEmpty()) {
        ctx.report(c.resource(), c.resource().header(), "no-profile",
            what + " has no instance profile: its workload gets no role and tends to be given static keys");
        continue;
      }
      // An empty name, or a branch with none, is no profile either.
      Optional<Value> none = c.instanceProfile().get()
          .alternativeWhere(v -> v instanceof Value.Null || v.asText().map(String::isBlank).orElse(false));
      if (none.isEmpty()) continue;
      Value v = none.get();
      if (placeholderDefault(v)) {
        // EC2 refuses an empty profile name or ARN: a stack deployed with this default fails, so its
        // deployments give a profile.
        ctx.notJudged(c.resource(), v.location(), "no-profile", "Not decided whether " + what + " has an instance profile: "
            + "its value is the empty default of a parameter" + v.provenance().suffix() + ", which EC2 refuses, so a deployment gives one");
        continue;
      }
      ctx.report(c.resource(), v.location(), "no-profile", what + " has no instance profile"
          + (v instanceof Value.Null ? "" : " (an empty value)") + v.provenance().suffix()
          + ": its workload gets no role and tends to be given static keys");
    }
  }

  /**
   * A CloudFormation parameter's empty default: a placeholder for a value the stack needs
   * (Terraform's provider reads an empty {@code iam_instance_profile} as none; CloudFormation
   * passes it to EC2, which refuses it).
   */
  private static boolean placeholderDefault(Value v) {
    return v instanceof Value.Str s && s.value().isEmpty() && v.provenance().fromParameterDefault();
  }

  /** Whether every branch of an {@code http_endpoint}/{@code HttpEndpoint} value is "disabled". */
  private static Truth disabled(Value endpoint) {
    return endpoint.alternatives().stream()
        .map(v -> v.asText().map(t -> Truth.of(t.equalsIgnoreCase("disabled"))).orElse(Truth.UNKNOWN))
        .reduce(Truth.TRUE, Truth::and);
  }

  /** A profile named in every branch (an empty name or a null branch is none). */
  private static boolean hasProfile(ComputeInstance c) {
    return c.instanceProfile().map(p -> p.alternativeWhere(v -> v instanceof Value.Null
        || v.asText().map(String::isBlank).orElse(false)).isEmpty()).orElse(false);
  }

  /** A service that starts instances from the template with its own role, as certain as {@code truth}. */
  private static Optional<ServiceLaunch> launchedBy(RuleContext ctx, ComputeInstance template, Truth truth) {
    return ctx.model().serviceLaunches().stream().filter(s -> ctx.model().launches(s, template) == truth).findFirst();
  }
}
