package dev.iamlint.rules;

import dev.iamlint.model.StaticCredential;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * EC2003: instance configuration hands static AWS credentials to the workload instead of a
 * role: user data, provisioners or cfn-init files that export AWS_ACCESS_KEY_ID, run
 * {@code aws configure set}, or write ~/.aws/credentials; CloudFormation Authentication metadata
 * carrying keys or passwords, whatever their value.
 */
public final class StaticCredentialsOnInstance implements Rule {

  @Override
  public String id() {
    return "EC2003";
  }

  @Override
  public void check(RuleContext ctx) {
    for (StaticCredential c : ctx.model().credentials()) {
      if (c.kind() != StaticCredential.Kind.INSTANCE_CREDENTIALS) continue;
      ctx.report(c.resource(), c.location(), "instance:" + c.description(), HardcodedCredentials.capitalize(c.description())
          + ": give the instance a role (instance profile) instead of static keys");
    }
  }
}
