package dev.iamlint.review;

import dev.iamlint.json.JsonLoader;
import dev.iamlint.model.Deployment;
import dev.iamlint.model.ModelBuilder;
import dev.iamlint.model.PasswordPolicy;
import dev.iamlint.model.ResourceRef;
import dev.iamlint.source.InternalFailure;
import dev.iamlint.source.Location;
import dev.iamlint.tree.ListNode;
import dev.iamlint.tree.MapNode;
import dev.iamlint.tree.Node;
import dev.iamlint.tree.ParseResult;
import dev.iamlint.tree.ScalarNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Reads the files an operator exported from a deployed account with the AWS CLI into the common
 * model, each recognised by its content, never by its name: the credential report (the JSON of
 * {@code get-credential-report}, or its decoded CSV), {@code get-account-authorization-details}
 * (one page, pages written one after the other, or several files),
 * {@code get-account-password-policy}, and CloudTrail's {@code describe-trails},
 * {@code get-trail-status} and {@code get-event-selectors}.
 *
 * <p>All of it is one account: one {@link Deployment} that project-level rules do not judge for
 * what it lacks, because an export holds only what was asked for (no Config rules, no alarms).
 */
public final class AccountExports {
  /** The deployment every element read from the exports belongs to. */
  public static final String DEPLOYMENT = "account";

  private AccountExports() {}

  /** One exported file: its path as reports show it, and its text. */
  public record Export(String file, String text) {}

  /** What the exports hold, and what could not be read in them. */
  public record Reading(ModelBuilder model, List<Problem> problems) {
    public Reading {
      problems = List.copyOf(problems);
    }
  }

  /**
   * Reads every export. {@code asOf}: the day time-based rules judge on; it replaces a JSON
   * report's generation time, and a decoded CSV report, which carries none, needs it.
   */
  public static Reading read(List<Export> exports, Optional<LocalDate> asOf) {
    ModelBuilder out = new ModelBuilder();
    List<Problem> problems = new ArrayList<>();
    Trails trails = new Trails();
    out.deployments.add(new Deployment(DEPLOYMENT, true, List.of()));
    for (Export e : exports) {
      // A failure of iamlint on one export is that file's problem; the others are still reviewed.
      ModelBuilder one = new ModelBuilder();
      List<Problem> found = new ArrayList<>();
      Optional<String> failure = InternalFailure.contain(() -> {
        readOne(e, asOf, one, trails, found);
        return Optional.<String>empty();
      }, Optional::of);
      if (failure.isPresent()) {
        problems.add(Problem.at(Location.point(e.file(), 1, 1), "not reviewed: " + failure.get()));
        continue;
      }
      out.addAll(one);
      problems.addAll(found);
    }
    trails.addTo(out);
    return new Reading(out, problems);
  }

  private static void readOne(Export e, Optional<LocalDate> asOf, ModelBuilder out, Trails trails, List<Problem> problems) {
    String text = e.text();
    Location start = Location.point(e.file(), 1, 1);
    if (CredentialReport.recognises(text)) {
      if (asOf.isEmpty()) {
        problems.add(new Problem(e.file() + ": a decoded credential report carries no generation time: give the day it "
            + "was generated with --as-of YYYY-MM-DD", start, true));
        return;
      }
      CredentialReport.read(e.file(), text, Optional.empty(), asOf.get().toString(), out, problems);
      return;
    }
    if (!text.stripLeading().startsWith("{")) {
      problems.add(Problem.at(start, "not an AWS CLI export iamlint reads: expected the JSON output of an IAM or "
          + "CloudTrail command, or the credential report's CSV (header user,arn,...)"));
      return;
    }
    ParseResult parsed = JsonLoader.parseSequence(e.file(), text);
    if (parsed instanceof ParseResult.Failed f) {
      problems.add(Problem.at(f.location(), (f.problem() == ParseResult.Problem.SYNTAX ? "JSON syntax error"
          + " (a truncated export?): " : "") + f.message()));
      return;
    }
    List<Node> documents = ((ListNode) ((ParseResult.Parsed) parsed).root()).items();
    for (int page = 0; page < documents.size(); page++) {
      Node document = documents.get(page);
      String pageLabel = documents.size() > 1 ? " of page " + (page + 1) : "";
      if (!(document instanceof MapNode root)) {
        problems.add(Problem.at(document.location(), "not an AWS CLI export iamlint reads: expected a JSON object"));
        continue;
      }
      if (root.get("Content").isPresent() && root.get("GeneratedTime").isPresent()) {
        encodedReport(e.file(), root, asOf, out, problems);
      } else if (AuthorizationDetails.recognises(root)) {
        new AuthorizationDetails(e.file(), out, problems).read(root, pageLabel);
      } else if (root.get("PasswordPolicy").orElse(null) instanceof MapNode policy) {
        passwordPolicy(e.file(), policy, out);
      } else if (Trails.describes(root)) {
        trails.describe(e.file(), root);
      } else if (Trails.isStatus(root)) {
        trails.status(root);
      } else if (Trails.isSelectors(root)) {
        trails.selectors(root);
      } else {
        problems.add(Problem.at(root.location(), "not an export iamlint reads (keys: " + keys(root) + "): expected "
            + "get-credential-report, get-account-authorization-details, get-account-password-policy, describe-trails, "
            + "get-trail-status or get-event-selectors output"));
      }
    }
  }

  /** The JSON of {@code get-credential-report}: base64 CSV content and the time it was generated. */
  private static void encodedReport(String file, MapNode root, Optional<LocalDate> asOf, ModelBuilder out,
      List<Problem> problems) {
    Node content = root.get("Content").orElseThrow();
    Node generated = root.get("GeneratedTime").orElseThrow();
    String day;
    if (asOf.isPresent()) {
      day = asOf.get().toString();
    } else {
      Optional<String> text = generated instanceof ScalarNode s ? Optional.of(s.text()) : Optional.empty();
      try {
        day = OffsetDateTime.parse(text.orElse("")).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
      } catch (DateTimeParseException ex) {
        problems.add(Problem.at(generated.location(), "GeneratedTime \"" + text.orElse("") + "\" is not a date and time as AWS"
            + " writes it (ISO 8601, e.g. 2026-06-15T08:00:00+00:00): give the report's day with --as-of"));
        return;
      }
    }
    String csv;
    try {
      String encoded = content instanceof ScalarNode s ? s.text() : "";
      csv = new String(Base64.getMimeDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException ex) {
      problems.add(Problem.at(content.location(), "Content is not base64: the credential report cannot be decoded"));
      return;
    }
    if (!CredentialReport.recognises(csv)) {
      problems.add(Problem.at(content.location(), "Content does not decode to a credential report (header user,arn,...)"));
      return;
    }
    CredentialReport.read(file, csv, Optional.of(content.location()), day, out, problems);
  }

  /** {@code get-account-password-policy}: its settings as AWS names them. */
  private static void passwordPolicy(String file, MapNode p, ModelBuilder out) {
    ResourceRef ref = new ResourceRef(file, "account-password-policy", "account-password-policy", p.location(),
        p.location().start(), List.of(), DEPLOYMENT);
    out.resources.add(ref);
    out.passwordPolicies.add(new PasswordPolicy(ref, Values.value(p, "MinimumPasswordLength"),
        Values.value(p, "RequireUppercaseCharacters"), Values.value(p, "RequireLowercaseCharacters"),
        Values.value(p, "RequireNumbers"), Values.value(p, "RequireSymbols"), Values.value(p, "MaxPasswordAge"),
        Values.value(p, "PasswordReusePrevention"), Values.value(p, "AllowUsersToChangePassword")));
  }

  private static String keys(MapNode root) {
    List<String> names = root.entries().stream().map(MapNode.Entry::name).limit(4).toList();
    return names.isEmpty() ? "none" : String.join(", ", names) + (root.entries().size() > 4 ? ", ..." : "");
  }
}
