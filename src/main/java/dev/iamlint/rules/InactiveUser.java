package dev.iamlint.rules;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.CredentialReportLine.Dated;
import dev.iamlint.rule.Rule;
import dev.iamlint.rule.RuleContext;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * REV004: a user created more than {@code max_inactive_days} (120) days before the credential
 * report whose password and access keys were all unused for more than that (never used counts
 * as unused). Judged against the report's day, never the clock.
 */
public final class InactiveUser implements Rule {

  @Override
  public String id() {
    return "REV004";
  }

  @Override
  public void check(RuleContext ctx) {
    int limit = ctx.threshold("max_inactive_days", 120);
    for (CredentialReportLine line : ctx.model().credentialReport()) {
      if (line.root() || line.created().isEmpty() || line.daysBeforeReport(line.created().get()) <= limit) continue;
      Optional<Dated> lastUse = Stream.concat(line.passwordLastUsed().stream(),
          line.keys().stream().flatMap(k -> k.lastUsed().stream())).max(Comparator.comparing(Dated::day));
      // More than the limit, as the catalogue says: exactly 120 days is not yet inactive.
      if (lastUse.isPresent() && line.daysBeforeReport(lastUse.get()) <= limit) continue;
      Dated created = line.created().get();
      String use = lastUse.map(d -> "its password and access keys were last used " + d.day() + ", "
          + line.daysBeforeReport(d) + " days before the report")
          .orElse("its password and access keys were never used");
      ctx.report(line.resource(), lastUse.map(Dated::location).orElse(line.resource().header()), "inactive",
          line.who() + " is inactive: " + use + " (created " + created.day() + ", report of " + line.reportDay()
              + "): remove the user, or disable its credentials");
    }
  }
}
