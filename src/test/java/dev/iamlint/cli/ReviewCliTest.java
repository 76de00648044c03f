package dev.iamlint.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code iamlint review} from the command line: help, exit codes, one-line errors, every output format. */
class ReviewCliTest {
  private static final String FINDINGS = "testdata/review/findings/";
  private static final String HEALTHY = "testdata/review/healthy/";

  private static CliTest.Run review(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "review";
    System.arraycopy(args, 0, all, 1, args.length);
    return CliTest.run(all);
  }

  @Test
  void helpNamesTheExportsAndTheOptions() {
    CliTest.Run help = review("--help");
    assertEquals(0, help.code(), help.err());
    for (String expected : new String[] {"get-credential-report", "get-account-authorization-details", "describe-trails",
        "--as-of", "--iac", "--fail-on", "--min-severity", "--baseline", "--config", "Output format"}) {
      assertTrue(help.out().contains(expected), expected + " in: " + help.out());
    }
  }

  @Test
  void exitCodes() {
    assertEquals(0, review(HEALTHY + "credential-report.json", HEALTHY + "authorization-details.json").code());
    assertEquals(1, review(FINDINGS + "credential-report.csv", "--as-of", "2026-06-15").code());
    assertEquals(0, review(FINDINGS + "credential-report.csv", "--as-of", "2026-06-15", "--fail-on", "critical",
        "--rule", "MFA004").code(), "MFA004 is high: below --fail-on critical");
    CliTest.Run noDay = review(FINDINGS + "credential-report.csv", HEALTHY + "trails.json");
    assertEquals(2, noDay.code());
    assertEquals(1, noDay.err().lines().count(), noDay.err());
    assertTrue(noDay.err().contains("--as-of"), noDay.err());
    CliTest.Run missing = review("testdata/review/no-such-export.json");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("no such file"), missing.err());
    assertEquals(2, review(FINDINGS + "trails.json", "--as-of", "15/06/2026").code());
    assertEquals(2, review(FINDINGS + "trails.json", "--iac", "testdata/review/no-such-dir").code());
  }

  @Test
  void minSeverityAndRuleSelection() {
    CliTest.Run run = review(FINDINGS + "credential-report.csv", "--as-of", "2026-06-15", "-f", "compact",
        "--min-severity", "critical");
    assertEquals(1, run.code(), run.err());
    assertEquals(2, run.out().lines().count(), run.out());
    assertTrue(run.out().lines().allMatch(l -> l.contains("[REV006]")), run.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"text", "compact", "json", "sarif", "junit", "checkstyle", "github", "gitlab", "html", "markdown"})
  void everyFormatCarriesReviewFindings(String format) throws Exception {
    CliTest.Run run = review(FINDINGS + "credential-report.csv", FINDINGS + "trails.json", HEALTHY + "credential-report.json",
        "--as-of", "2027-06-15", "-f", format);
    assertEquals(1, run.code(), run.err());
    assertTrue(run.out().contains("REV004"), run.out());
    assertTrue(run.out().contains("CT003"), run.out());
    // What a report is read from is never echoed in bulk: the encoded report stays in its file
    // (a source line shown is cut after 160 characters).
    String content = JsonParser.parseString(Files.readString(Path.of(HEALTHY + "credential-report.json")))
        .getAsJsonObject().get("Content").getAsString();
    assertFalse(run.out().contains(content.substring(160, 200)), format + " echoes the encoded report");
  }

  /** The config next to the exports: a rule's threshold, and an ignore entry naming the identity. */
  @Test
  void configThresholdsAndIgnores(@TempDir Path tmp) throws Exception {
    Path report = Files.copy(Path.of(FINDINGS + "credential-report.csv"), tmp.resolve("credential-report.csv"));
    Files.writeString(tmp.resolve(".iamlint.yaml"), """
        rules:
          REV004: { max_inactive_days: 45 }
        ignore:
          - { rule: MFA004, resource: "user/carol", reason: "leaves on Friday", until: "2999-01-31" }
        """);
    CliTest.Run run = review(report.toString(), "--as-of", "2026-06-15", "-f", "compact", "--rule", "REV004", "--rule", "MFA004");
    assertEquals(List.of("user/olddev", "user/nearly", "user/builder"), run.out().lines()
        .map(l -> l.substring(l.lastIndexOf('(') + 1, l.length() - 1)).toList(), run.out());
  }

  /** A baseline written from one review accepts the same findings in the next export, where lines moved. */
  @Test
  void baselineSurvivesTheNextExport(@TempDir Path tmp) throws Exception {
    Path report = Files.copy(Path.of(FINDINGS + "credential-report.csv"), tmp.resolve("credential-report.csv"));
    Path baseline = tmp.resolve("baseline.json");
    CliTest.Run written = review(report.toString(), "--as-of", "2026-06-15", "--no-config", "--write-baseline", baseline.toString());
    assertEquals(0, written.code(), written.err());
    // The next export lists the users in another order (and so on other lines).
    List<String> lines = Files.readAllLines(report);
    List<String> users = new ArrayList<>(lines.subList(2, lines.size()));
    Collections.reverse(users);
    List<String> reordered = new ArrayList<>(lines.subList(0, 2));
    reordered.addAll(users);
    Files.write(report, reordered);
    CliTest.Run next = review(report.toString(), "--as-of", "2026-06-15", "--no-config", "--baseline", baseline.toString(),
        "-f", "compact");
    assertEquals(0, next.code(), next.out() + next.err());
    assertEquals("", next.out());
  }

  @Test
  void sarifArtifactsAreTheExportFiles() {
    CliTest.Run run = review(FINDINGS + "credential-report.csv", FINDINGS + "trails.json", "--as-of", "2026-06-15",
        "-f", "sarif");
    JsonObject sarif = JsonParser.parseString(run.out()).getAsJsonObject();
    var results = sarif.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonArray("results");
    assertFalse(results.isEmpty());
    for (var r : results) {
      String uri = r.getAsJsonObject().getAsJsonArray("locations").get(0).getAsJsonObject()
          .getAsJsonObject("physicalLocation").getAsJsonObject("artifactLocation").get("uri").getAsString();
      assertTrue(uri.equals(FINDINGS + "credential-report.csv") || uri.equals(FINDINGS + "trails.json"), uri);
    }
  }

  /**
   * Regression: a review without --as-of judged time windows on the clock's day, so the same
   * export gave ADM003 before a window's end and nothing after it. The day is the report's
   * GeneratedTime, else --as-of; with neither, a windowed grant is undecided, never judged.
   */
  @Test
  void timeWindowsAreNeverJudgedOnTheClock(@TempDir Path tmp) throws Exception {
    Path details = tmp.resolve("authorization-details.json");
    Files.writeString(details, """
        {
          "UserDetailList": [], "GroupDetailList": [], "RoleDetailList": [],
          "Policies": [
            {
              "PolicyName": "until-december", "PolicyId": "ANPAEXAMPLE0000000001",
              "Arn": "arn:aws:iam::111122223333:policy/until-december", "Path": "/", "DefaultVersionId": "v1",
              "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 0, "IsAttachable": true,
              "CreateDate": "2024-02-01T10:00:00+00:00", "UpdateDate": "2024-02-01T10:00:00+00:00",
              "PolicyVersionList": [
                {
                  "Document": {
                    "Version": "2012-10-17",
                    "Statement": [
                      { "Effect": "Allow", "Action": "*", "Resource": "*",
                        "Condition": { "DateLessThan": { "aws:CurrentTime": "2026-12-10T00:00:00Z" } } }
                    ]
                  },
                  "VersionId": "v1", "IsDefaultVersion": true, "CreateDate": "2024-02-01T10:00:00+00:00"
                }
              ]
            }
          ],
          "IsTruncated": false
        }
        """);
    CliTest.Run before = review(details.toString(), "--no-config", "-f", "compact", "--as-of", "2026-12-09");
    assertTrue(before.out().contains("[ADM003]"), before.out());
    CliTest.Run after = review(details.toString(), "--no-config", "-f", "compact", "--as-of", "2026-12-10");
    assertFalse(after.out().contains("[ADM"), after.out());
    CliTest.Run undated = review(details.toString(), "--no-config", "-f", "compact");
    assertEquals(0, undated.code(), undated.out() + undated.err());
    assertFalse(undated.out().contains("[ADM"), undated.out());
  }

  /**
   * Regression: the HTML report showed an export's lines around a finding, masking only access
   * keys, so the console's credentials download (user name, password, keys) printed the password.
   * An export is never quoted as source, in any format.
   */
  @ParameterizedTest
  @ValueSource(strings = {"text", "compact", "json", "sarif", "junit", "checkstyle", "github", "gitlab", "html", "markdown"})
  void noFormatShowsAConsolePassword(String format, @TempDir Path tmp) throws Exception {
    Path creds = tmp.resolve("creds.csv");
    Files.writeString(creds, "User name,Password,Access key ID,Secret access key,Console login link\n"
        + "bob,Hunter2Secret!,AKIAQ3TESTK3Y9ABCD12,q9Zx7Lm2Np4Rs6Tv8Wy0Ab1Cd3Ef5Gh7Ij9Kl1Mn,https://x\n");
    CliTest.Run run = review(creds.toString(), "--no-config", "--as-of", "2026-06-15", "-f", format);
    assertTrue(run.out().contains("SYN001"), run.out() + run.err());
    for (String secret : List.of("Hunter2Secret", "q9Zx7Lm2Np4R", "Q3TESTK3Y9ABCD12")) {
      assertFalse(run.out().contains(secret) || run.err().contains(secret), secret + " in\n" + run.out() + run.err());
    }
  }
}
