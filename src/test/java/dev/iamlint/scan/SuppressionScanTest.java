package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSelector;
import dev.iamlint.rule.ScanOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Suppressions hold however the files reach the scan. */
class SuppressionScanTest {

  private static final String SUPPRESSED = """
      # iamlint:ignore ADM001 -- break-glass role, reviewed 2026-11
      resource "aws_iam_role_policy_attachment" "breakglass" {
        role       = "breakglass"
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
      """;

  // Regression: pre-commit passes only the changed file; its directory is evaluated with the
  // sibling that holds the finding, and that sibling's suppression comment must apply too.
  @Test
  void suppressionInASiblingFileAppliesWhenOnlyAnotherFileIsPassed(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("iam.tf"), SUPPRESSED);
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    List<Finding> findings = TestScans.findings(dir.resolve("main.tf"), "ADM001", "SUP001");
    assertEquals(List.of(), findings);
  }

  // Regression: a policy read by file() is reported in the JSON file; the comment above the
  // resource that reads it still covers it.
  @Test
  void aCommentAboveTheResourceCoversAFindingInTheFileItReads(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("admin.json"), """
        {
          "Version": "2012-10-17",
          "Statement": [{ "Effect": "Allow", "Action": "*", "Resource": "*" }]
        }
        """);
    Files.writeString(dir.resolve("main.tf"), """
        # iamlint:ignore ADM003 -- bootstrap admin, reviewed 2026-11
        resource "aws_iam_policy" "admin" {
          name   = "admin"
          policy = file("${path.module}/admin.json")
        }
        """);
    assertEquals(List.of(), TestScans.findings(dir, "ADM003", "SUP001"));
    Files.writeString(dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf")).lines().skip(1)
        .reduce("", (a, b) -> a + b + "\n"));
    List<Finding> reported = TestScans.findings(dir, "ADM003");
    assertEquals(List.of("admin.json"), reported.stream().map(f -> Path.of(f.location().file()).getFileName().toString()).toList());
    // A comment on the file() call itself covers it too.
    Files.writeString(dir.resolve("main.tf"), Files.readString(dir.resolve("main.tf"))
        .replace("policy = file(\"${path.module}/admin.json\")", "policy = file(\"${path.module}/admin.json\") # iamlint:ignore ADM003 -- bootstrap"));
    assertEquals(List.of(), TestScans.findings(dir, "ADM003", "SUP001"));
  }

  @Test
  void withoutTheCommentTheSiblingFindingIsReported(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("iam.tf"), SUPPRESSED.lines().skip(1).reduce("", (a, b) -> a + b + "\n"));
    Files.writeString(dir.resolve("main.tf"), "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n}\n");
    List<Finding> findings = TestScans.findings(dir.resolve("main.tf"), "ADM001", "SUP001");
    assertEquals(List.of("ADM001"), findings.stream().map(Finding::ruleId).toList());
  }

  // Regression: the text of a block scalar or a quoted string (a script in user data, a rule's
  // own documentation) that holds "# iamlint:ignore" was read as a suppression, and judged
  // stale (SUP001) since it matched nothing. Only comments suppress.
  @Test
  void aDirectiveInsideAYamlValueIsTextNotASuppression(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          Ops:
            Type: AWS::IAM::Group
            Metadata:
              Note: |
                # iamlint:ignore ADM001 -- this is documentation, not a directive
              Quoted: "text # iamlint:ignore ADM001 -- neither is this"
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
          # iamlint:ignore ADM001 -- a real comment: break-glass group, reviewed 2026-11
          BreakGlass:
            Type: AWS::IAM::Group
            Properties:
              ManagedPolicyArns:
                - arn:aws:iam::aws:policy/AdministratorAccess
        """);
    List<String> found = TestScans.findings(dir, "ADM001", "SUP001").stream()
        .map(f -> f.ruleId() + "@" + f.location().startLine()).toList();
    assertEquals(List.of("ADM001@11"), found);
  }

  // Regression: expiry was judged against the clock while everything else is judged on --as-of,
  // so a CI run pinned to a day changed its result when a suppression's date passed.
  @Test
  void aSuppressionExpiresOnTheDayTheScanJudges(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("iam.tf"), SUPPRESSED.replace("ADM001 --", "ADM001 until=2026-06-30 --"));
    assertEquals(List.of(), judgedOn(dir, LocalDate.of(2026, 6, 30)));
    assertEquals(List.of("ADM001", "SUP001"), judgedOn(dir, LocalDate.of(2026, 7, 1)));
  }

  private static List<String> judgedOn(Path dir, LocalDate day) {
    ScanRequest r = ScanRequest.of(dir, List.of(dir)).withSelector(new RuleSelector(List.of("ADM001", "SUP001"), List.of()));
    ScanRequest request = new ScanRequest(r.workingDirectory(), r.paths(), r.parameters(), r.variables(), r.variableFiles(),
        r.environment(), r.partition(), r.selector(), r.minSeverity(), ScanOptions.DEFAULT.withAsOf(day), r.excluded(),
        r.threads());
    return new Scanner().scan(request).findings().stream().map(Finding::ruleId).sorted().toList();
  }
}
