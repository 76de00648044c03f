package dev.iamlint.cli;

import static dev.iamlint.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code .iamlint.yaml} as a user writes it, through the command line. */
class ConfigCliTest {
  @TempDir
  Path dir;

  @BeforeEach
  void project() throws IOException {
    Files.createDirectories(dir.resolve(".git")); // the repository root: the config search stops here
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region = "eu-west-1"
        }

        resource "aws_iam_account_password_policy" "p" {
          minimum_password_length      = 15
          password_reuse_prevention    = 24
          max_password_age             = 90
          require_uppercase_characters = true
          require_lowercase_characters = true
          require_numbers              = true
          require_symbols              = true
        }

        resource "aws_iam_user" "svc" {
          name = "svc-deploy"
        }

        resource "aws_iam_user_policy_attachment" "admin" {
          user       = aws_iam_user.svc.name
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    Files.createDirectories(dir.resolve("examples"));
    Files.writeString(dir.resolve("examples/user.tf"), "resource \"aws_iam_user\" \"tmp\" {\n  name = \"tmp\"\n}\n");
  }

  private Run scan(String config, String... extra) throws IOException {
    Files.writeString(dir.resolve(".iamlint.yaml"), config);
    String[] args = new String[extra.length + 4];
    args[0] = "scan";
    args[1] = "--format";
    args[2] = "compact";
    System.arraycopy(extra, 0, args, 3, extra.length);
    args[args.length - 1] = dir.toString();
    CliTest.Run r = run(args);
    return new Run(r.code(), r.out(), r.err());
  }

  record Run(int code, String out, String err) {
    boolean has(String rule) {
      return out.contains("[" + rule + "]");
    }
  }

  @Test
  void withoutConfigTheDefaultsApply() throws IOException {
    Run r = scan("# empty\n");
    assertEquals(1, r.code());
    assertFalse(r.has("PWD002"), "15 >= 14");
    assertTrue(r.has("ADM001") && r.has("CT001") && r.has("USR002"), r.out());
    assertTrue(r.out().contains("examples/user.tf"), "nothing excluded");
  }

  @Test
  void thresholdsSeveritiesAndEnabledComeFromTheConfig() throws IOException {
    Run r = scan("""
        cloudtrail: external
        rules:
          PWD002: { min_length: 16 }
          USR004: { patterns: ["(?i)\\\\bsvc\\\\b"] }
          ADM001: { severity: low }
          USR002: { enabled: false }
        """);
    assertTrue(r.out().contains("[PWD002] The password policy allows passwords of 15 characters: require at least 16"), r.out());
    assertTrue(r.out().contains("[USR004] User name \"svc-deploy\" marks a shared user (\"svc\")"), r.out());
    assertTrue(r.out().contains("warning: [ADM001]") || r.out().contains("note: [ADM001]"), r.out());
    assertFalse(r.out().contains("error: [ADM001]"), "severity lowered");
    assertFalse(r.has("USR002"), "disabled");
    assertFalse(r.has("CT001"), "cloudtrail: external");
  }

  @Test
  void failOnExcludeAndIgnoreEntries() throws IOException {
    Run r = scan("""
        fail_on: critical
        exclude: ["examples/**"]
        ignore:
          - { rule: admin-policy-attached, resource: "aws_iam_user_policy_attachment.*", reason: "break-glass, reviewed" }
          - { rule: USR004, path: "examples/*.tf", reason: "excluded anyway" }
        """);
    assertFalse(r.has("ADM001"), r.out());
    assertFalse(r.out().contains("examples/user.tf"), "excluded: " + r.out());
    assertEquals(0, r.code(), "nothing critical left: " + r.out());
  }

  @Test
  void aStaleOrReasonlessConfigEntryIsReportedAtItsLine() throws IOException {
    Run r = scan("""
        ignore:
          - { rule: ADM001, path: "main.tf" }
          - { rule: TRUST001, path: "main.tf", reason: "nothing to hide" }
        """);
    assertTrue(r.out().contains(".iamlint.yaml:2:5: ") && r.out().contains("gives no reason"), r.out());
    assertTrue(r.out().contains(".iamlint.yaml:3:5: ") && r.out().contains("matches no finding"), r.out());
    assertTrue(r.has("ADM001"), "a suppression without a reason is not applied");
    Run relaxed = scan("""
        require_reason: false
        ignore:
          - { rule: ADM001, path: "main.tf" }
        """);
    assertFalse(relaxed.has("ADM001") || relaxed.has("SUP001"), relaxed.out());
  }

  /** Globs are relative to the config file's directory, whatever directory is scanned or current. */
  @Test
  void globsAreRelativeToTheConfigFile() throws IOException {
    Path infra = dir.resolve("infra");
    Files.createDirectories(infra.resolve("legacy"));
    Files.createDirectories(infra.resolve("modules"));
    Files.writeString(infra.resolve("legacy/old.tf"), "resource \"aws_iam_user\" \"old\" {\n  name = \"old\"\n}\n");
    Files.writeString(infra.resolve("modules/users.tf"), "resource \"aws_iam_user\" \"tmp\" {\n  name = \"tmp\"\n}\n");
    Files.writeString(infra.resolve(".iamlint.yaml"), """
        cloudtrail: external
        exclude: ["legacy/**"]
        ignore:
          - { rule: USR004, path: "modules/*.tf", reason: "test users of the module examples" }
        """);
    CliTest.Run r = run("scan", "--format", "compact", infra.toString());
    assertFalse(r.out().contains("old.tf"), "excluded: " + r.out());
    assertFalse(r.out().contains("[USR004]"), "ignored: " + r.out());
    assertTrue(r.out().contains("modules/users.tf") && r.out().contains("[USR003]"), r.out());
    CliTest.Run file = run("scan", "--format", "compact", infra.resolve("legacy/old.tf").toString());
    assertFalse(file.out().contains("old.tf"), "a file passed by name is excluded too (pre-commit): " + file.out());
  }

  @Test
  void commandLineFlagsWinOverTheConfig() throws IOException {
    assertEquals(1, scan("fail_on: critical\n", "--fail-on", "low").code());
    Run noConfig = scan("rules:\n  ADM001: { enabled: false }\n", "--no-config");
    assertTrue(noConfig.has("ADM001"));
  }

  @Test
  void anExplicitConfigFileIsUsed() throws IOException {
    Path other = dir.resolve("strict.yaml");
    Files.writeString(other, "rules:\n  ADM001: { enabled: false }\n");
    Files.writeString(dir.resolve(".iamlint.yaml"), "");
    CliTest.Run r = run("scan", "--format", "compact", "-c", other.toString(), dir.toString());
    assertFalse(r.out().contains("[ADM001]"), r.out());
  }

  @Test
  void aBadConfigIsExitTwoWithOneLineNamingFileLineAndKey() throws IOException {
    Run r = scan("fail_on: low\nrules:\n  PWD002: { min_len: 16 }\n");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(".iamlint.yaml:3:13: unknown key 'rules.PWD002.min_len'"), r.err());
    Run missing = new Run(run("scan", "-c", dir.resolve("nope.yaml").toString(), dir.toString()).code(), "", "");
    assertEquals(2, missing.code());
  }
}
