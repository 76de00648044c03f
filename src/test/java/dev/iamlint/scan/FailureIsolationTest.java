package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.cli.Main;
import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One file or module that iamlint cannot read or evaluate never takes the run down: it gets a
 * located SYN001 with the reason, and every other file (the canary beside it) is still judged and
 * counts for the exit code.
 */
class FailureIsolationTest {
  @TempDir
  Path dir;

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  /** A module that attaches AdministratorAccess to a user: it must be reported whatever lies beside it. */
  private void canary() throws IOException {
    Path canary = Files.createDirectories(dir.resolve("canary"));
    Files.writeString(canary.resolve("main.tf"), """
        resource "aws_iam_user_policy_attachment" "admin" {
          user       = "deploy"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
  }

  private List<Finding> scan() {
    return assertTimeoutPreemptively(GENEROUS, () -> new Scanner().scan(ScanRequest.of(dir, List.of(dir)))).findings();
  }

  private static List<Finding> of(List<Finding> findings, String rule, String file) {
    return findings.stream().filter(f -> f.ruleId().equals(rule) && f.location().file().equals(file)).toList();
  }

  private record Run(int code, String out, String err) {}

  private Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = assertTimeoutPreemptively(GENEROUS, () -> Main.run(args, new PrintWriter(out), new PrintWriter(err)));
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void aNumberLiteralHashicorpRefusesIsALocatedSyntaxErrorNotAnAbortedRun() throws IOException {
    canary();
    Path bad = Files.createDirectories(dir.resolve("bad"));
    Files.writeString(bad.resolve("main.tf"), "resource \"aws_iam_user\" \"u\" {\n  name = 1e2147483648\n}\n");
    List<Finding> findings = scan();
    assertEquals(1, of(findings, "ADM001", "canary/main.tf").size(), findings.toString());
    Finding syn = of(findings, "SYN001", "bad/main.tf").get(0);
    assertEquals(2, syn.location().startLine());
    assertEquals(10, syn.location().startColumn());
    assertTrue(syn.message().contains("invalid number literal"), syn.message());

    Run r = cli("scan", "--no-cache", "--format", "compact", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void numbersOutOfRangeInJsonYamlAndPlansAreNeverACrash() throws IOException {
    canary();
    Path json = Files.createDirectories(dir.resolve("json"));
    Files.writeString(json.resolve("main.tf.json"),
        "{\"resource\": {\"aws_iam_user\": {\"u\": {\"name\": \"u\", \"force_destroy\": 1e2147483648}}}}\n");
    Files.writeString(dir.resolve("stack.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          U:
            Type: AWS::IAM::User
            Properties:
              UserName: 1e2147483648
        """);
    Files.writeString(dir.resolve("stack.json"), """
        {"AWSTemplateFormatVersion": "2010-09-09",
         "Resources": {"U": {"Type": "AWS::IAM::User", "Properties": {"UserName": 1e2147483648}}}}
        """);
    Path plan = Files.createDirectories(dir.resolve("plan"));
    Files.writeString(plan.resolve("plan.json"), """
        {"format_version": "1.2", "planned_values": {"root_module": {"resources": [
          {"address": "aws_iam_user.u", "mode": "managed", "type": "aws_iam_user", "name": "u",
           "values": {"name": "u", "force_destroy": 1e2147483648}}]}}}
        """);
    Path fn = Files.createDirectories(dir.resolve("fn"));
    Files.writeString(fn.resolve("main.tf"), """
        resource "aws_iam_user" "u" {
          name = jsondecode("{\\"n\\": 1e2147483648}").n
        }
        """);
    // Valid for Terraform, but printing it would take gigabytes: an unknown value, never a crash.
    Path huge = Files.createDirectories(dir.resolve("huge"));
    Files.writeString(huge.resolve("main.tf"), """
        resource "aws_iam_user" "u" {
          name = 1e600000000
        }
        resource "aws_iam_user_policy_attachment" "a" {
          user       = aws_iam_user.u.name
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    List<Finding> findings = scan();
    assertEquals(1, of(findings, "ADM001", "canary/main.tf").size(), findings.toString());
    assertTrue(findings.stream().noneMatch(f -> f.message().contains("Exception")), findings.toString());
    assertEquals(1, of(findings, "ADM001", "huge/main.tf").size(), findings.toString());

    Run r = cli("scan", "--no-cache", "--format", "compact", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }

  @Test
  void aVeryDeepExpressionIsALocatedSyntaxErrorWordedForPeople() throws IOException {
    canary();
    Path deep = Files.createDirectories(dir.resolve("deep"));
    Files.writeString(deep.resolve("main.tf"), "locals {\n  n = " + "1 + ".repeat(100_000) + "1\n}\n");
    List<Finding> findings = scan();
    assertEquals(1, of(findings, "ADM001", "canary/main.tf").size(), findings.toString());
    Finding syn = of(findings, "SYN001", "deep/main.tf").get(0);
    assertEquals(2, syn.location().startLine());
    assertEquals(7, syn.location().startColumn());
    assertTrue(syn.message().contains("expression nested too deeply"), syn.message());
    assertFalse(syn.message().contains("Error"), syn.message());
  }

  /**
   * A chain of locals far longer than any configuration: evaluating it recurses deeper than the
   * stack. Whatever the evaluator makes of it (a located note, an unknown value), the run goes on.
   */
  @Test
  void aModuleThatCannotBeEvaluatedDoesNotStopTheOthers() throws IOException {
    canary();
    Path deep = Files.createDirectories(dir.resolve("deep"));
    StringBuilder locals = new StringBuilder("locals {\n  a0 = \"x\"\n");
    for (int i = 1; i <= 50_000; i++) locals.append("  a").append(i).append(" = local.a").append(i - 1).append("\n");
    locals.append("}\nresource \"aws_iam_user\" \"u\" {\n  name = local.a50000\n}\n");
    Files.writeString(deep.resolve("main.tf"), locals);
    List<Finding> findings = scan();
    assertEquals(1, of(findings, "ADM001", "canary/main.tf").size(), findings.toString());
    assertTrue(findings.stream().noneMatch(f -> f.message().contains("Error") || f.message().contains("Exception")),
        findings.toString());

    Run r = cli("scan", "--no-cache", "--format", "compact", dir.toString());
    assertEquals(1, r.code(), r.err());
    assertFalse(r.err().contains("internal error"), r.err());
  }
}
