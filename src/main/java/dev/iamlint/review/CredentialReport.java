package dev.iamlint.review;

import dev.iamlint.model.CredentialReportLine;
import dev.iamlint.model.CredentialReportLine.Dated;
import dev.iamlint.model.CredentialReportLine.Flag;
import dev.iamlint.model.LoginProfile;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.model.SecretExposure;
import dev.iamlint.source.Location;
import dev.iamlint.value.Provenance;
import dev.iamlint.value.Value;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The credential report's CSV ({@code aws iam get-credential-report}, decoded), read line by line
 * into the model: one {@link CredentialReportLine} per user and the root user, and a console
 * login for every user whose password is enabled. The columns are AWS's documented ones; a column
 * iamlint needs that is missing stops the file, an unknown column is reported and the known ones
 * are still read. A line that cannot be read (too few fields: a truncated report; a date in
 * another format) is reported where it is and not judged; the other lines are.
 */
final class CredentialReport {
  private CredentialReport() {}

  /** The columns of the report as AWS documents them, in order. */
  static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
      "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
      "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
      "access_key_1_last_used_region", "access_key_1_last_used_service",
      "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date",
      "access_key_2_last_used_region", "access_key_2_last_used_service",
      "cert_1_active", "cert_1_last_rotated", "cert_2_active", "cert_2_last_rotated");

  /** The columns the rules read: without one of them the report says nothing certain. */
  private static final List<String> NEEDED = List.of("user", "arn", "user_creation_time", "password_enabled",
      "password_last_used", "mfa_active", "access_key_1_active", "access_key_1_last_rotated",
      "access_key_1_last_used_date", "access_key_2_active", "access_key_2_last_rotated", "access_key_2_last_used_date");

  /** What the report writes for a date that never happened or that it does not track. */
  private static final Set<String> NO_DATE = Set.of("N/A", "no_information", "not_supported");

  /** Whether {@code text} starts with the report's header (its first two columns). */
  static boolean recognises(String text) {
    String start = text.stripLeading();
    return start.startsWith("user,arn,") || start.startsWith("\"user\",\"arn\",");
  }

  /**
   * Reads the report. {@code encoded}: where the report's base64 content is written, when it
   * came encoded in the JSON output (its lines then have no place of their own in the file, and
   * are located there). {@code reportDay}: the day the report describes (YYYY-MM-DD).
   */
  static void read(String file, String text, Optional<Location> encoded, String reportDay, ModelBuilder out,
      List<Problem> problems) {
    List<String> lines = text.lines().toList();
    Place place = new Place(file, encoded);
    if (lines.isEmpty()) {
      problems.add(Problem.at(place.line(1, ""), "the credential report is empty: expected its header line"));
      return;
    }
    List<Field> header = fields(lines.get(0));
    Map<String, Field> columns = new LinkedHashMap<>();
    for (Field f : header) {
      if (!COLUMNS.contains(f.text())) {
        problems.add(Problem.at(place.field(1, f), "unknown column \"" + f.text() + "\" in the credential report header"
            + place.where(1) + " (AWS documents: " + String.join(",", COLUMNS.subList(0, 3)) + ",...)"));
      }
      columns.putIfAbsent(f.text(), f);
    }
    List<String> missing = NEEDED.stream().filter(c -> !columns.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      problems.add(Problem.at(place.line(1, lines.get(0)), "the credential report header" + place.where(1) + " lacks the column"
          + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + ": the report is not reviewed"));
      return;
    }
    List<String> names = header.stream().map(Field::text).toList();
    for (int i = 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) continue;
      int number = i + 1;
      List<Field> fields = fields(line);
      if (fields.size() != names.size()) {
        problems.add(Problem.at(place.line(number, line), "this line of the credential report" + place.where(number) + " has "
            + fields.size() + " fields where the header has " + names.size()
            + (fields.size() < names.size() ? " (the report looks truncated)" : "") + ": it is not reviewed"));
        continue;
      }
      Map<String, Field> row = new LinkedHashMap<>();
      for (int c = 0; c < names.size(); c++) row.putIfAbsent(names.get(c), fields.get(c));
      try {
        line(file, place, number, line, row, reportDay, out);
      } catch (Unreadable e) {
        problems.add(Problem.at(place.field(number, e.field), e.getMessage() + ": this line of the credential report"
            + place.where(number) + " is not reviewed"));
      }
    }
  }

  private static void line(String file, Place place, int number, String text, Map<String, Field> row, String reportDay,
      ModelBuilder out) throws Unreadable {
    String user = row.get("user").text();
    boolean root = user.equals(CredentialReportLine.ROOT_USER);
    Location at = place.line(number, text);
    Location name = place.field(number, row.get("user"));
    String address = root ? "root" : resourcePart(row.get("arn").text(), user);
    ResourceRef ref = new ResourceRef(file, address, "credential-report", at, name, List.of(), AccountExports.DEPLOYMENT,
        Optional.empty(), Optional.empty(), place.encoded().map(c -> "line " + number + " of the decoded Content"));
    Optional<Flag> passwordEnabled = flag(place, number, row.get("password_enabled"));
    List<CredentialReportLine.Key> keys = new ArrayList<>();
    for (int k = 1; k <= 2; k++) {
      Optional<Flag> active = flag(place, number, row.get("access_key_" + k + "_active"));
      if (active.isEmpty()) continue;
      keys.add(new CredentialReportLine.Key(k, active.get(), date(place, number, row.get("access_key_" + k + "_last_rotated")),
          date(place, number, row.get("access_key_" + k + "_last_used_date"))));
    }
    out.resources.add(ref);
    out.credentialReport.add(new CredentialReportLine(ref, at, user, root, reportDay,
        date(place, number, row.get("user_creation_time")), passwordEnabled,
        date(place, number, row.get("password_last_used")), flag(place, number, row.get("mfa_active")), keys));
    if (!root && passwordEnabled.filter(Flag::value).isPresent()) {
      Location enabled = passwordEnabled.get().location();
      // The report says the password exists, nothing about how it was set or whether it must be reset.
      out.loginProfiles.add(new LoginProfile(ref, new Value.Str(user, name, Provenance.LITERAL), enabled, Optional.empty(),
          new SecretExposure(SecretExposure.Kind.UNKNOWN, "not known from the credential report", enabled),
          Optional.of(new Value.Unknown(Value.Cause.UNSUPPORTED,
              "the credential report does not say whether a password reset is required", Optional.empty(),
              Optional.empty(), enabled, Provenance.LITERAL))));
    }
  }

  /** {@code user/path/alice} from the user's ARN (its name alone when the ARN is not one). */
  private static String resourcePart(String arn, String user) {
    int colon = arn.indexOf(":user/");
    return arn.startsWith("arn:") && colon >= 0 ? arn.substring(colon + 1) : "user/" + user;
  }

  private static Optional<Flag> flag(Place place, int line, Field f) throws Unreadable {
    return switch (f.text()) {
      case "true" -> Optional.of(new Flag(true, place.field(line, f)));
      case "false" -> Optional.of(new Flag(false, place.field(line, f)));
      case "not_supported", "N/A" -> Optional.empty();
      default -> throw new Unreadable(f, "\"" + f.text() + "\" is not true or false");
    };
  }

  private static Optional<Dated> date(Place place, int line, Field f) throws Unreadable {
    if (NO_DATE.contains(f.text())) return Optional.empty();
    try {
      String day = OffsetDateTime.parse(f.text()).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
      return Optional.of(new Dated(day, place.field(line, f)));
    } catch (DateTimeParseException e) {
      throw new Unreadable(f, "\"" + f.text() + "\" is not a date as the report writes them (ISO 8601, e.g. 2025-12-01T09:30:00+00:00)");
    }
  }

  /** A field of a line that is not what the report writes. */
  private static final class Unreadable extends Exception {
    final Field field;

    Unreadable(Field field, String message) {
      super(message);
      this.field = field;
    }
  }

  /** One CSV field: its text (unquoted) and the columns it spans in its line (0-based, end exclusive). */
  record Field(String text, int start, int end) {}

  /** Splits one CSV line; a quoted field may hold commas and doubled quotes. */
  static List<Field> fields(String line) {
    List<Field> out = new ArrayList<>();
    int i = 0;
    while (true) {
      int start = i;
      StringBuilder text = new StringBuilder();
      if (i < line.length() && line.charAt(i) == '"') {
        i++;
        while (i < line.length()) {
          char c = line.charAt(i);
          if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
            text.append('"');
            i += 2;
          } else if (c == '"') {
            i++;
            break;
          } else {
            text.append(c);
            i++;
          }
        }
        while (i < line.length() && line.charAt(i) != ',') i++;
      } else {
        while (i < line.length() && line.charAt(i) != ',') text.append(line.charAt(i++));
      }
      out.add(new Field(text.toString().strip(), start, i));
      if (i >= line.length()) return out;
      i++;
    }
  }

  /** Where the report's lines and fields are: in the file, or all at the encoded content. */
  private record Place(String file, Optional<Location> encoded) {
    Location line(int number, String text) {
      return encoded.orElseGet(() -> new Location(file, number, 1, number, text.length() + 1));
    }

    Location field(int number, Field f) {
      return encoded.orElseGet(() -> new Location(file, number, f.start() + 1, number, f.end() + 1));
    }

    /** Names the line when the location cannot show it. */
    String where(int number) {
      return encoded.isPresent() ? " (line " + number + " of the decoded report)" : "";
    }
  }
}
