package dev.iamlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.iamlint.rule.Finding;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suppression round trip: a finding, the edit that suppresses it, the expected text, and a
 * scan of the edited file that no longer reports it, nor a stale or reasonless suppression.
 */
class SuppressionEditsTest {

  record Case(String name, String file, String rule, String before, String after) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String REASON = "break-glass role, reviewed 2026-11";

  static Stream<Case> cases() {
    return Stream.of(
        new Case("Terraform: a comment line above the resource, indented as it", "main.tf", "ADM001", """
            resource "aws_iam_role_policy_attachment" "breakglass" {
              role       = "breakglass"
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }
            """, """
            # iamlint:ignore ADM001 -- break-glass role, reviewed 2026-11
            resource "aws_iam_role_policy_attachment" "breakglass" {
              role       = "breakglass"
              policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
            }
            """),
        new Case("Terraform with CRLF line breaks", "main.tf", "ADM001",
            "resource \"aws_iam_role_policy_attachment\" \"a\" {\r\n  role       = \"a\"\r\n"
                + "  policy_arn = \"arn:aws:iam::aws:policy/AdministratorAccess\"\r\n}\r\n",
            "# iamlint:ignore ADM001 -- break-glass role, reviewed 2026-11\r\n"
                + "resource \"aws_iam_role_policy_attachment\" \"a\" {\r\n  role       = \"a\"\r\n"
                + "  policy_arn = \"arn:aws:iam::aws:policy/AdministratorAccess\"\r\n}\r\n"),
        new Case("CloudFormation YAML without Metadata: added after Type", "stack.yaml", "ADM001", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { Service: ec2.amazonaws.com }
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/AdministratorAccess
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Metadata:
                  iamlint:
                    ignore:
                      - id: ADM001
                        reason: "break-glass role, reviewed 2026-11"
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { Service: ec2.amazonaws.com }
                        Action: sts:AssumeRole
                  ManagedPolicyArns:
                    - arn:aws:iam::aws:policy/AdministratorAccess
            """),
        new Case("CloudFormation YAML with other Metadata: iamlint added to it", "stack.yaml", "ADM001", """
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Metadata:
                  Owner: platform
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { Service: ec2.amazonaws.com }
                        Action: sts:AssumeRole
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
            """, """
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Metadata:
                  iamlint:
                    ignore:
                      - id: ADM001
                        reason: "break-glass role, reviewed 2026-11"
                  Owner: platform
                Properties:
                  AssumeRolePolicyDocument:
                    Statement:
                      - Effect: Allow
                        Principal: { Service: ec2.amazonaws.com }
                        Action: sts:AssumeRole
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
            """),
        new Case("CloudFormation YAML with an ignore list: the entry joins it", "stack.yaml", "ADM001", """
            Resources:
              Admin:
                Type: AWS::IAM::User
                Metadata:
                  iamlint:
                    ignore:
                    - id: USR001
                      reason: legacy
                Properties:
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
                  LoginProfile: { Password: "{{resolve:secretsmanager:pw}}", PasswordResetRequired: true }
            """, """
            Resources:
              Admin:
                Type: AWS::IAM::User
                Metadata:
                  iamlint:
                    ignore:
                    - id: ADM001
                      reason: "break-glass role, reviewed 2026-11"
                    - id: USR001
                      reason: legacy
                Properties:
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
                  LoginProfile: { Password: "{{resolve:secretsmanager:pw}}", PasswordResetRequired: true }
            """),
        new Case("CloudFormation YAML with flow metadata", "stack.yaml", "ADM001", """
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Metadata: {Owner: platform}
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: "sts:AssumeRole"}]}
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
            """, """
            Resources:
              Admin:
                Type: AWS::IAM::Role
                Metadata: {iamlint: {ignore: [{id: ADM001, reason: "break-glass role, reviewed 2026-11"}]}, Owner: platform}
                Properties:
                  AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: "sts:AssumeRole"}]}
                  ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
            """),
        new Case("CloudFormation JSON without Metadata", "stack.json", "ADM001", """
            {
              "Resources": {
                "Admin": {
                  "Type": "AWS::IAM::Role",
                  "Properties": {
                    "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]
                  }
                }
              }
            }
            """, """
            {
              "Resources": {
                "Admin": {
                  "Type": "AWS::IAM::Role",
                  "Metadata": {
                    "iamlint": {
                      "ignore": [
                        {"id": "ADM001", "reason": "break-glass role, reviewed 2026-11"}
                      ]
                    }
                  },
                  "Properties": {
                    "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                    "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]
                  }
                }
              }
            }
            """),
        new Case("CloudFormation JSON with an ignore list", "stack.json", "ADM001", """
            {"Resources": {"Admin": {"Type": "AWS::IAM::Role",
              "Metadata": {"iamlint": {"ignore": [{"id": "USR001", "reason": "legacy"}]}},
              "Properties": {
                "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}}}}
            """, """
            {"Resources": {"Admin": {"Type": "AWS::IAM::Role",
              "Metadata": {"iamlint": {"ignore": [{"id": "ADM001", "reason": "break-glass role, reviewed 2026-11"}, {"id": "USR001", "reason": "legacy"}]}},
              "Properties": {
                "AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AdministratorAccess"]}}}}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theNextScanHonoursTheSuppression(Case c, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(c.file());
    Files.writeString(file, c.before());
    List<Finding> before = FixTestFiles.findings(dir, c.rule());
    assertEquals(1, before.size(), "the fixture has one finding of " + c.rule() + ": " + before);
    Optional<Fix> fix = SuppressionEdits.suppress(before.get(0), FixTestFiles.source(dir, before.get(0)), REASON);
    assertTrue(fix.isPresent(), "a suppression can be written");
    String after = Edits.apply(c.before(), List.of(fix.get())).text();
    assertEquals(c.after(), after);
    Files.writeString(file, after);
    // Neither the finding nor a problem with the new suppression (one already there may be stale).
    assertEquals(List.of(), TestScans.findings(dir, c.rule(), "SUP001").stream()
        .filter(f -> f.ruleId().equals(c.rule()) || f.message().contains(c.rule())).toList());
  }

  // A suppression without a reason is written as asked, and the scan says it is not applied.
  @Test
  void aBlankReasonIsWrittenAndReportedAsMissing(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("main.tf");
    Files.writeString(file, """
        resource "aws_iam_role_policy_attachment" "a" {
          role       = "a"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    Finding f = FixTestFiles.findings(dir, "ADM001").get(0);
    Fix fix = SuppressionEdits.suppress(f, FixTestFiles.source(dir, f), "  \n").orElseThrow();
    String after = Edits.apply(Files.readString(file), List.of(fix)).text();
    assertTrue(after.startsWith("# iamlint:ignore ADM001\n"), after);
    Files.writeString(file, after);
    List<String> rules = TestScans.findings(dir, "ADM001", "SUP001").stream().map(Finding::ruleId).sorted().toList();
    assertEquals(List.of("ADM001", "SUP001"), rules);
  }

  @Test
  void aFileThatIsNotTheResourcesGetsNoSuppression(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_iam_role_policy_attachment" "a" {
          role       = "a"
          policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
        }
        """);
    Files.writeString(dir.resolve("other.tf"), "locals {}\n");
    Finding f = FixTestFiles.findings(dir, "ADM001").get(0);
    dev.iamlint.source.SourceFile main = FixTestFiles.source(dir, f);
    dev.iamlint.source.SourceFile other = new dev.iamlint.source.SourceFile(dir.resolve("other.tf"),
        main.displayPath().replace("main.tf", "other.tf"), main.kind(), dir, "locals {}\n");
    assertFalse(SuppressionEdits.suppress(f, other, REASON).isPresent());
  }
}
