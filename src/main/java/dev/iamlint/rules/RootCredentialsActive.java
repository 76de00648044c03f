package dev.iamlint.rules;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.CredentialReportLine.Dated;
import dev.iamlint.model.CredentialReportLine.Key;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import dev.iamlint.rule.Severity;

/**
 * REV006: the credential report's root line: an active access key (critical), no MFA device
 * (critical), or a password used within {@code recent_use_days} (90) days of the report (high:
 * root used for daily work).
 */
public final class RootCredentialsActive implements Rule {

  @Override
  public String id() {
    return "REV006";
  }

  @Override
  public void check(RuleContext ctx) {
    int recent = ctx.threshold("recent_use_days", 90);
    for (CredentialReportLine line : ctx.model().credentialReport()) {
      if (!line.root()) continue;
      for (Key key : line.keys()) {
        if (!key.active().value()) continue;
        String used = key.lastUsed().map(d -> "last used " + d.day() + ", " + line.daysBeforeReport(d) + " days before the report")
            .orElse("never used");
        ctx.report(Severity.CRITICAL, line.resource(), key.active().location(), "key" + key.number(),
            "The root user has an active access key (key " + key.number() + ", " + used + "): delete it; root needs no keys");
      }
      line.mfaActive().filter(f -> !f.value()).ifPresent(f -> ctx.report(Severity.CRITICAL, line.resource(), f.location(), "mfa",
          "The root user has no MFA device: enable a hardware or virtual MFA device for root"));
      if (line.passwordLastUsed().isPresent() && line.daysBeforeReport(line.passwordLastUsed().get()) < recent) {
        Dated used = line.passwordLastUsed().get();
        ctx.report(Severity.HIGH, line.resource(), used.location(), "password", "The root user signed in with its password "
            + used.day() + ", " + line.daysBeforeReport(used) + " days before the report: use IAM roles or Identity Center "
            + "for daily work and keep root for the few tasks that need it");
      }
    }
  }
}
