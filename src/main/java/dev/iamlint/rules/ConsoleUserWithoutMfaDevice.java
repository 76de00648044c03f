package dev.iamlint.rules;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.CredentialReportLine.Flag;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/** MFA004: in the credential report, a user whose password is enabled and who has no MFA device. */
public final class ConsoleUserWithoutMfaDevice implements Rule {

  @Override
  public String id() {
    return "MFA004";
  }

  @Override
  public void check(RuleContext ctx) {
    for (CredentialReportLine line : ctx.model().credentialReport()) {
      if (line.root() || line.passwordEnabled().filter(Flag::value).isEmpty()) continue;
      line.mfaActive().filter(f -> !f.value()).ifPresent(f -> ctx.report(line.resource(), f.location(), "mfa",
          line.who() + " can sign in to the console with a password"
              + line.passwordLastUsed().map(d -> " (last used " + d.day() + ")").orElse(" (never used)")
              + " but has no MFA device: assign one, or remove the password"));
    }
  }
}
