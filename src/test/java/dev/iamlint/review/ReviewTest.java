package dev.iamlint.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.scan.Review;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code iamlint review} on the exports under {@code testdata/review/}: which files, which day,
 * which code, and every finding expected as {@code RULE file:line} (nothing else may fire).
 */
class ReviewTest {
  private static final Path ROOT = Path.of("testdata", "review");
  private static final Optional<LocalDate> AS_OF = Optional.of(LocalDate.of(2026, 6, 15));

  static Stream<Arguments> reviews() {
    return Stream.of(
        Arguments.of("healthy account, report day from GeneratedTime, compared with its code", "healthy", Optional.empty(),
            true, List.of()),
        Arguments.of("healthy account without code: REV007 does not run", "healthy", Optional.empty(), false, List.of()),
        Arguments.of("the same report a year later: its users have been inactive for a year", "healthy",
            Optional.of(LocalDate.of(2027, 6, 15)), false, List.of(
                "REV004 credential-report.json:2", "REV004 credential-report.json:2", "REV005 credential-report.json:2")),
        Arguments.of("every rule's bad case, near misses silent (119 days, a key used yesterday, a service-linked role)",
            "findings", AS_OF, true, List.of(
                "USR003 authorization-details.json:5", "ADM001 authorization-details.json:14",
                "USR002 authorization-details.json:14", "USR001 authorization-details.json:52",
                "ADM006 authorization-details.json:59", "MFA002 authorization-details.json:179",
                "TRUST001 authorization-details.json:179", "TRUST002 authorization-details.json:203",
                "REV007 authorization-details.json:222", "REV007 authorization-details.json:252",
                "ADM003 authorization-details.json:269", "ADM006 authorization-details.json:269",
                "REV006 credential-report.csv:2", "REV006 credential-report.csv:2", "REV006 credential-report.csv:2",
                "MFA001 credential-report.csv:3", "REV004 credential-report.csv:3", "MFA004 credential-report.csv:5",
                "REV005 credential-report.csv:6", "REV005 credential-report.csv:6",
                "CT005 event-selectors.json:5",
                "PWD004 password-policy.json:2", "PWD002 password-policy.json:3", "PWD003 password-policy.json:4",
                "PWD006 password-policy.json:8", "PWD005 password-policy.json:10",
                "CT002 trail-status.json:2",
                "CT007 trails.json:4", "CT008 trails.json:4", "CT004 trails.json:6", "CT003 trails.json:7", "CT006 trails.json:10")),
        Arguments.of("bad input: each file a located SYN001, the readable ones still reviewed", "bad-input", AS_OF, false,
            List.of("SYN001 list-users.json:1", "SYN001 missing-column.csv:1", "SYN001 other-date-format.csv:3",
                "PWD002 password-policy.json:3", "SYN001 truncated-authorization-details.json:14",
                "SYN001 truncated-report.csv:3", "SYN001 unknown-column.csv:1", "MFA004 unknown-column.csv:3")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reviews")
  void review(String what, String dir, Optional<LocalDate> asOf, boolean withCode, List<String> expected) throws Exception {
    Path base = ROOT.resolve(dir);
    List<Finding> findings = TestScans.review(exports(base), asOf, withCode ? List.of(base.resolve("iac")) : List.of())
        .findings();
    assertEquals(expected, findings.stream().map(ReviewTest::brief).toList(),
        String.join("\n", findings.stream().map(f -> f.location().shortForm() + " " + f.message()).toList()));
  }

  @Test
  void decodedReportWithoutAsOfIsRefused() {
    Review.Refused refused = assertThrows(Review.Refused.class,
        () -> TestScans.review(List.of(ROOT.resolve("findings/credential-report.csv")), Optional.empty(), List.of()));
    assertTrue(refused.getMessage().contains("--as-of"), refused.getMessage());
  }

  @Test
  void locationsAreTheExportsRecords() throws Exception {
    Path base = ROOT.resolve("findings");
    List<Finding> findings = TestScans.review(exports(base), AS_OF, List.of(), "MFA004", "REV004").findings();
    assertEquals(List.of("user/olddev credential-report.csv:3:77", "user/carol credential-report.csv:5:131"),
        findings.stream().map(f -> f.resource().address() + " " + f.location().file().replaceAll(".*/", "") + ":"
            + f.location().startLine() + ":" + f.location().startColumn()).toList());
  }

  /** Unknown is not false: a code name that is not known may be the account's, so nothing certain is said. */
  @Test
  void codeWithAnUnknownNameDecidesNothing(@TempDir Path tmp) throws Exception {
    Path code = Files.createDirectories(tmp.resolve("iac"));
    Files.writeString(code.resolve("main.tf"), "variable \"name\" {}\n\nresource \"aws_iam_role\" \"r\" {\n  name = var.name\n"
        + "  assume_role_policy = \"{}\"\n}\n");
    List<Finding> findings = TestScans.review(List.of(ROOT.resolve("findings/authorization-details.json")), AS_OF,
        List.of(code), "REV007").findings();
    // The code defines one role of unknown name and nothing else: no role is certain, the rest is.
    assertEquals(List.of("user/olddev", "user/nearly", "user/carol", "user/builder", "user/deployer", "group/people",
        "group/ci-bots", "policy/everything"), findings.stream().map(f -> f.resource().address()).toList());
  }

  /** A status names no trail: with two trails, whether each logs is not known, so CT002 is silent. */
  @Test
  void trailStatusOfSeveralTrailsIsNotGuessed(@TempDir Path tmp) throws Exception {
    String trail = "{\"Name\": \"%s\", \"TrailARN\": \"arn:aws:cloudtrail:eu-west-1:123456789012:trail/%s\","
        + " \"IsMultiRegionTrail\": true, \"IncludeGlobalServiceEvents\": true, \"LogFileValidationEnabled\": true,"
        + " \"KmsKeyId\": \"k\", \"CloudWatchLogsLogGroupArn\": \"g\", \"CloudWatchLogsRoleArn\": \"r\"}";
    Path trails = Files.writeString(tmp.resolve("a.json"), "{\"trailList\": [" + trail.formatted("one", "one") + ", "
        + trail.formatted("two", "two") + "]}");
    Path status = Files.writeString(tmp.resolve("b.json"), "{\"IsLogging\": false}");
    assertEquals(List.of(), TestScans.review(List.of(trails, status), AS_OF, List.of(), "CT").findings());
    Files.writeString(trails, "{\"trailList\": [" + trail.formatted("one", "one") + "]}");
    assertEquals(List.of("CT002 b.json:1"), TestScans.review(List.of(trails, status), AS_OF, List.of(), "CT").findings()
        .stream().map(ReviewTest::brief).toList());
  }

  /** A record of a JSON export is named by its JSON pointer (and page), where the location is its line. */
  @Test
  void jsonRecordsAreNamedByTheirPointer() throws Exception {
    Path base = ROOT.resolve("findings");
    List<Finding> findings = TestScans.review(List.of(base.resolve("authorization-details.json"), base.resolve("trails.json")),
        AS_OF, List.of(), "USR003", "TRUST001", "CT003").findings();
    assertEquals(List.of("USR003 5 in the export: /UserDetailList/0 of page 1",
        "TRUST001 179 in the export: /RoleDetailList/1 of page 2", "CT003 7 in the export: /trailList/0"),
        findings.stream().map(f -> f.ruleId() + " " + f.location().startLine() + " " + f.related().stream()
            .map(r -> r.message()).reduce("", String::concat)).toList());
    List<Finding> encoded = TestScans.review(List.of(ROOT.resolve("healthy/credential-report.json")),
        Optional.of(LocalDate.of(2027, 6, 15)), List.of(), "REV005").findings();
    assertEquals(List.of("in the export: line 4 of the decoded Content"),
        encoded.get(0).related().stream().map(r -> r.message()).toList());
  }

  /** A message names a setting as the export writes it (the AWS API's name), not as Terraform does. */
  @Test
  void settingsAreNamedAsTheExportWritesThem() throws Exception {
    Path base = ROOT.resolve("findings");
    List<String> messages = TestScans.review(List.of(base.resolve("password-policy.json"), base.resolve("trails.json")),
        AS_OF, List.of(), "PWD003", "PWD004", "CT007").findings().stream().map(Finding::message).toList();
    assertEquals(List.of("The password policy does not set MaxPasswordAge: passwords never expire (use at most 90 days)",
        "The password policy sets RequireSymbols to false: require it",
        "Trail trail/management does not encrypt its logs with a KMS key (no key is set: KmsKeyId)"), messages);
  }

  private static List<Path> exports(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static String brief(Finding f) {
    return f.ruleId() + " " + f.location().file().replaceAll(".*/", "") + ":" + f.location().startLine();
  }
}
