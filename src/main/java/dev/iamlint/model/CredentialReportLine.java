package dev.iamlint.model;

import dev.iamlint.source.Location;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * One line of an account's credential report ({@code aws iam get-credential-report}): a user's
 * credentials as deployed, and when they were last used. {@code reportDay} is the day the report
 * describes (its generation time, or the day the operator gave): time-based rules judge against it,
 * never the clock. A date that the report marks as never ({@code N/A}, {@code no_information})
 * is empty; a setting the report does not support for this line ({@code not_supported}) is empty too.
 * {@code location} is the line (or, for a report still base64-encoded, the encoded content).
 */
public record CredentialReportLine(ResourceRef resource, Location location, String user, boolean root,
    String reportDay, Optional<Dated> created, Optional<Flag> passwordEnabled, Optional<Dated> passwordLastUsed,
    Optional<Flag> mfaActive, List<Key> keys) {

  /** The name the credential report gives the account's root user. */
  public static final String ROOT_USER = "<root_account>";

  public CredentialReportLine {
    keys = List.copyOf(keys);
  }

  /** A date written in the report (ISO {@code YYYY-MM-DD}, UTC), where it is written. */
  public record Dated(String day, Location location) {
    public LocalDate date() {
      return LocalDate.parse(day);
    }
  }

  /** A true/false column, where it is written. */
  public record Flag(boolean value, Location location) {}

  /** Access key 1 or 2 of the line: whether it is active, when it was last rotated and last used. */
  public record Key(int number, Flag active, Optional<Dated> lastRotated, Optional<Dated> lastUsed) {}

  /** Whole days from {@code dated} to the report's day. */
  public long daysBeforeReport(Dated dated) {
    return ChronoUnit.DAYS.between(dated.date(), LocalDate.parse(reportDay));
  }

  /** The user with its ARN resource part, as messages name it. */
  public String who() {
    return root ? "The root user" : "User \"" + user + "\"";
  }
}
