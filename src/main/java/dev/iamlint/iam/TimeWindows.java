package dev.iamlint.iam;

import dev.iamlint.model.Statement;
import dev.iamlint.value.Truth;
import dev.iamlint.value.Value;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a statement's condition shuts it in time on a given day (the scan date, UTC): a
 * window that ended before the day ({@code DateLessThan aws:CurrentTime 2020-01-01}) or opens
 * after it ({@code DateGreaterThan} a later date). Such an Allow grants nothing on that day.
 *
 * <p>Keys: {@code aws:CurrentTime} and {@code aws:EpochTime} (always present), and {@code
 * aws:TokenIssueTime}, present only for temporary credentials: a test of a missing key is false,
 * so long-term keys never pass; tokens issued before a date have expired 36 hours later at the
 * latest (the longest session STS issues), so that window counts as ended 36 hours after its
 * date. {@code ...IfExists} on the token's issue time lets long-term keys through: never closed.
 * Values are ISO 8601 dates or date-times (UTC when no offset is written) or epoch seconds; any
 * value that cannot be read, or a window still open on the day, leaves the statement as it is.
 */
public final class TimeWindows {
  /** The longest lifetime of temporary credentials (GetSessionToken, GetFederationToken). */
  static final Duration LONGEST_SESSION = Duration.ofHours(36);
  private static final Set<String> ALWAYS_PRESENT = Set.of("aws:currenttime", "aws:epochtime");
  private static final String TOKEN_ISSUE_TIME = "aws:tokenissuetime";

  private TimeWindows() {}

  /**
   * Whether the statement is shut on {@code day}: TRUE or FALSE on a known day; with no day,
   * UNKNOWN when its condition tests a time window at all (it may be shut), else FALSE.
   */
  public static Truth shut(Statement s, Optional<LocalDate> day) {
    if (day.isPresent()) return closed(s, day.get()) ? Truth.TRUE : Truth.FALSE;
    return timed(s) ? Truth.UNKNOWN : Truth.FALSE;
  }

  /** Whether some test of the condition is on a time key ({@code aws:CurrentTime} and the like). */
  static boolean timed(Statement s) {
    if (s.condition().isEmpty()) return false;
    for (Value alternative : s.condition().get().alternatives()) {
      if (!(alternative instanceof Value.MapV operators)) continue;
      for (Value.MapV.Entry op : operators.entries()) {
        if (!(op.value() instanceof Value.MapV keys)) continue;
        for (Value.MapV.Entry key : keys.entries()) {
          String k = key.key().toLowerCase(Locale.ROOT);
          if (ALWAYS_PRESENT.contains(k) || k.equals(TOKEN_ISSUE_TIME)) return true;
        }
      }
    }
    return false;
  }

  /** TRUE only when every branch of the condition shuts the statement on {@code day}. */
  public static boolean closed(Statement s, LocalDate day) {
    if (s.condition().isEmpty()) return false;
    for (Value alternative : s.condition().get().alternatives()) {
      if (!closedOne(alternative, day)) return false;
    }
    return true;
  }

  /** Operators and keys are ANDed: one test that fails all day long shuts the statement. */
  private static boolean closedOne(Value condition, LocalDate day) {
    if (!(condition instanceof Value.MapV operators)) return false;
    for (Value.MapV.Entry op : operators.entries()) {
      if (!(op.value() instanceof Value.MapV keys)) continue;
      String operator = op.key().toLowerCase(Locale.ROOT);
      for (Value.MapV.Entry key : keys.entries()) {
        if (fails(operator, key.key().toLowerCase(Locale.ROOT), key.value(), day)) return true;
      }
    }
    return false;
  }

  /** The values of one key are ORed: every one must fail for the test to fail. */
  private static boolean fails(String operator, String key, Value values, LocalDate day) {
    boolean ifExists = operator.endsWith("ifexists");
    String base = ifExists ? operator.substring(0, operator.length() - "ifexists".length()) : operator;
    Duration margin;
    if (ALWAYS_PRESENT.contains(key)) {
      margin = Duration.ZERO;
    } else if (key.equals(TOKEN_ISSUE_TIME) && !ifExists) {
      margin = LONGEST_SESSION;
    } else {
      return false;
    }
    boolean numeric = base.startsWith("numeric");
    if (numeric && !key.equals("aws:epochtime")) return false;
    boolean before;
    switch (base) {
      case "datelessthan", "datelessthanequals", "numericlessthan", "numericlessthanequals" -> before = true;
      case "dategreaterthan", "dategreaterthanequals", "numericgreaterthan", "numericgreaterthanequals" -> before = false;
      default -> {
        return false;
      }
    }
    Instant dayStart = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant nextDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    if (values.items().isEmpty()) return false;
    for (Value item : values.items()) {
      for (Value v : item.alternatives()) {
        Optional<Instant> at = numeric ? epoch(v) : instant(v);
        if (at.isEmpty()) return false;
        // Ended: every time this test lets through lies before the day begins.
        Instant last = at.get().plus(margin);
        boolean shut = before ? (base.endsWith("equals") ? last.isBefore(dayStart) : !last.isAfter(dayStart))
            : !at.get().isBefore(nextDay);
        if (!shut) return false;
      }
    }
    return true;
  }

  /** An ISO 8601 date or date-time, or epoch seconds, as IAM's date operators read them. */
  static Optional<Instant> instant(Value v) {
    Optional<String> text = v.asText().map(String::trim);
    if (text.isEmpty()) return Optional.empty();
    String t = text.get();
    if (t.matches("\\d{1,12}")) return Optional.of(Instant.ofEpochSecond(Long.parseLong(t)));
    try {
      return Optional.of(OffsetDateTime.parse(t).toInstant());
    } catch (DateTimeParseException e) {
      // no offset: a date-time or a date, read as UTC
    }
    try {
      return Optional.of(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // a plain date
    }
    try {
      return Optional.of(LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> epoch(Value v) {
    Optional<BigDecimal> n = v.asNumber();
    if (n.isEmpty() || n.get().signum() < 0 || n.get().compareTo(BigDecimal.valueOf(1L << 40)) > 0) return Optional.empty();
    return Optional.of(Instant.ofEpochSecond(n.get().longValue()));
  }
}
