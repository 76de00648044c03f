package dev.iamlint.rule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * Project-wide facts and choices rules depend on. {@code accountBaseline}: the scan describes an
 * account baseline (project-level rules apply); {@code externalCloudTrail}: an organization
 * trail is managed elsewhere; {@code reportUnknown}: checks that could not be decided because a
 * value is unknown are reported at info; {@code rules}: per-rule settings from the config;
 * {@code accountId}: the account the project deploys into, when the config names it;
 * {@code asOf}: the day (UTC) policies are judged on, for statements open only in a time window
 * ({@code --as-of}, else the clock's date in a scan); empty: no day is known (a review of exports
 * without a report date or {@code --as-of}), so a grant open only in a time window is undecided.
 */
public record ScanOptions(boolean accountBaseline, boolean externalCloudTrail, boolean reportUnknown,
    Map<String, RuleSettings> rules, Optional<String> accountId, Optional<LocalDate> asOf) {
  public static final ScanOptions DEFAULT = new ScanOptions(false, false);

  public ScanOptions {
    rules = Map.copyOf(rules);
  }

  public ScanOptions(boolean accountBaseline, boolean externalCloudTrail, boolean reportUnknown,
      Map<String, RuleSettings> rules, Optional<String> accountId) {
    this(accountBaseline, externalCloudTrail, reportUnknown, rules, accountId, Optional.of(today()));
  }

  public ScanOptions(boolean accountBaseline, boolean externalCloudTrail, boolean reportUnknown,
      Map<String, RuleSettings> rules) {
    this(accountBaseline, externalCloudTrail, reportUnknown, rules, Optional.empty());
  }

  public ScanOptions(boolean accountBaseline, boolean externalCloudTrail) {
    this(accountBaseline, externalCloudTrail, false, Map.of());
  }

  /** The same options, judged on another day. */
  public ScanOptions withAsOf(LocalDate day) {
    return withAsOf(Optional.of(day));
  }

  /** The same options, judged on another day, or on none (time windows undecided). */
  public ScanOptions withAsOf(Optional<LocalDate> day) {
    return new ScanOptions(accountBaseline, externalCloudTrail, reportUnknown, rules, accountId, day);
  }

  /** The clock's date in UTC: what a scan without {@code --as-of} is judged on. */
  public static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }

  public RuleSettings settings(String ruleId) {
    return rules.getOrDefault(ruleId, RuleSettings.NONE);
  }
}
