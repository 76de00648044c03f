package dev.iamlint.rules;

import dev.iamlint.iam.Principals;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.SecretExposure;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * PWD007: the initial console password can be read from the source or the state: a literal, an
 * input's default, an input shown in clear, a plain String SSM parameter, or a generated password
 * stored unencrypted.
 */
public final class LoginPasswordPlaintext implements Rule {

  @Override
  public String id() {
    return "PWD007";
  }

  @Override
  public void check(RuleContext ctx) {
    for (LoginProfile p : ctx.model().loginProfiles()) {
      if (!p.passwordExposure().exposed()) continue;
      String user = Principals.user(ctx.model(), p.user(), p.resource());
      ctx.report(p.resource(), p.passwordExposure().location(), "password",
          "The console password of " + user + " is " + p.passwordExposure().description() + advice(p));
    }
  }

  private static String advice(LoginProfile p) {
    if (!p.resource().type().startsWith("AWS::")) return ": anyone who can read the state can sign in; set pgp_key";
    if (p.passwordExposure().kind() == SecretExposure.Kind.STORED_IN_CLEAR) {
      return ": anyone who can read the parameter can sign in; use {{resolve:ssm-secure:...}} or {{resolve:secretsmanager:...}}";
    }
    return ": anyone who can read it can sign in; use a dynamic reference or a NoEcho parameter without default";
  }
}
