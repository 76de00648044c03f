package dev.iamlint.rules;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.CredentialReportLine.Dated;
import dev.iamlint.model.CredentialReportLine.Key;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;

/**
 * REV005: an active access key of a user unused for more than {@code max_key_age_days} (90)
 * days, never used and created more than that before the report, or last rotated more than
 * that before it (exactly 90 days is not yet stale, as the catalogue says). One finding
 * per key, for its first reason. The root user's keys are REV006's.
 */
public final class StaleAccessKey implements Rule {

  @Override
  public String id() {
    return "REV005";
  }

  @Override
  public void check(RuleContext ctx) {
    int limit = ctx.threshold("max_key_age_days", 90);
    for (CredentialReportLine line : ctx.model().credentialReport()) {
      if (line.root()) continue;
      for (Key key : line.keys()) {
        if (!key.active().value()) continue;
        String which = "Access key " + key.number() + " of " + line.who().replace("User ", "user ");
        if (key.lastUsed().isPresent() && line.daysBeforeReport(key.lastUsed().get()) > limit) {
          Dated used = key.lastUsed().get();
          ctx.report(line.resource(), used.location(), "key" + key.number(), which + " was last used " + used.day() + ", "
              + line.daysBeforeReport(used) + " days before the report: deactivate and delete it");
        } else if (key.lastUsed().isEmpty() && key.lastRotated().isPresent()
            && line.daysBeforeReport(key.lastRotated().get()) > limit) {
          Dated created = key.lastRotated().get();
          ctx.report(line.resource(), created.location(), "key" + key.number(), which + " was never used since it was created "
              + created.day() + ", " + line.daysBeforeReport(created) + " days before the report: deactivate and delete it");
        } else if (key.lastRotated().isPresent() && line.daysBeforeReport(key.lastRotated().get()) > limit) {
          Dated rotated = key.lastRotated().get();
          ctx.report(line.resource(), rotated.location(), "key" + key.number(), which + " was last rotated " + rotated.day()
              + ", " + line.daysBeforeReport(rotated) + " days before the report: rotate it (create a new key, move to it, "
              + "delete this one)");
        }
      }
    }
  }
}
