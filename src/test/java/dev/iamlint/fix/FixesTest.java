package dev.iamlint.fix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.iamlint.rule.Finding;
import dev.iamlint.rule.RuleSettings;
import dev.iamlint.rule.ScanOptions;
import dev.iamlint.scan.TestScans;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each certain fix as a before/after pair: the bad fixture is scanned, its findings of the rule
 * fixed, the text compared with the expected one, and the fixed file scanned again: the finding
 * is gone.
 */
class FixesTest {

  record Case(String name, String file, String rule, String before, String after) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("CT003 missing in Terraform: added before the closing brace, = aligned", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"
              is_multi_region_trail = true
            }
            """),
        new Case("CT003 false in Terraform: the literal replaced", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = false # single region for now
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = true # single region for now
            }
            """),
        new Case("CT003 null in Terraform", "main.tf", "CT003", """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = null
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = true
            }
            """),
        new Case("PWD002 short minimum in Terraform: set to 14", "main.tf", "PWD002", """
            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length = 8
            }
            """, """
            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length = 14
            }
            """),
        new Case("PWD002 minimum missing from an empty one-line block", "main.tf", "PWD002", """
            resource "aws_iam_account_password_policy" "p" {}
            """, """
            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length = 14
            }
            """),
        new Case("PWD002 short generated initial password", "main.tf", "PWD002", """
            resource "aws_iam_user" "alice" {
              name = "alice"
            }

            resource "aws_iam_user_login_profile" "alice" {
              user            = aws_iam_user.alice.name
              pgp_key         = "keybase:alice"
              password_length = 10
            }
            """, """
            resource "aws_iam_user" "alice" {
              name = "alice"
            }

            resource "aws_iam_user_login_profile" "alice" {
              user            = aws_iam_user.alice.name
              pgp_key         = "keybase:alice"
              password_length = 14
            }
            """),
        new Case("PWD003 one flag false, three missing: four fixes, = aligned where the name is shorter", "main.tf", "PWD003", """
            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length      = 14
              require_symbols              = false
              password_reuse_prevention    = 24
            }
            """, """
            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length      = 14
              require_symbols              = true
              password_reuse_prevention    = 24
              require_lowercase_characters = true
              require_numbers              = true
              require_uppercase_characters = true
            }
            """),
        new Case("PWD004 passwords that never expire (0)", "main.tf", "PWD004", """
            resource "aws_iam_account_password_policy" "p" {
              max_password_age = 0
            }
            """, """
            resource "aws_iam_account_password_policy" "p" {
              max_password_age = 90
            }
            """),
        new Case("PWD004 max age missing, attributes indented with a tab, = aligned with the line above", "main.tf", "PWD004",
            "resource \"aws_iam_account_password_policy\" \"p\" {\n\tminimum_password_length = 14\n}\n",
            "resource \"aws_iam_account_password_policy\" \"p\" {\n\tminimum_password_length = 14\n\tmax_password_age        = 90\n}\n"),
        new Case("PWD005 too few remembered passwords, in a module of the project", "main.tf", "PWD005", """
            resource "aws_iam_account_password_policy" "p" {
              password_reuse_prevention = 5
            }
            """, """
            resource "aws_iam_account_password_policy" "p" {
              password_reuse_prevention = 24
            }
            """),
        new Case("PWD006 users may not change their password", "main.tf", "PWD006", """
            resource "aws_iam_account_password_policy" "p" {
              allow_users_to_change_password = false
            }
            """, """
            resource "aws_iam_account_password_policy" "p" {
              allow_users_to_change_password = true
            }
            """),
        new Case("PWD008 reset missing in Terraform", "main.tf", "PWD008", """
            resource "aws_iam_user_login_profile" "alice" {
              user    = "alice"
              pgp_key = "keybase:alice"
            }
            """, """
            resource "aws_iam_user_login_profile" "alice" {
              user    = "alice"
              pgp_key = "keybase:alice"
              password_reset_required = true
            }
            """),
        new Case("PWD008 reset false in Terraform, as a quoted string", "main.tf", "PWD008", """
            resource "aws_iam_user_login_profile" "alice" {
              user                    = "alice"
              pgp_key                 = "keybase:alice"
              password_reset_required = "false"
            }
            """, """
            resource "aws_iam_user_login_profile" "alice" {
              user                    = "alice"
              pgp_key                 = "keybase:alice"
              password_reset_required = true
            }
            """),
        new Case("CT004 global events excluded in Terraform", "main.tf", "CT004", """
            resource "aws_cloudtrail" "t" {
              name                          = "t"
              s3_bucket_name                = "audit-logs"
              include_global_service_events = false
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name                          = "t"
              s3_bucket_name                = "audit-logs"
              include_global_service_events = true
            }
            """),
        new Case("CT006 validation missing in Terraform, a nested block last", "main.tf", "CT006", """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"

              event_selector {
                read_write_type = "All"
              }
            }
            """, """
            resource "aws_cloudtrail" "t" {
              name           = "t"
              s3_bucket_name = "audit-logs"

              event_selector {
                read_write_type = "All"
              }
              enable_log_file_validation = true
            }
            """),
        new Case("CT003 missing in CloudFormation YAML: added first in Properties", "stack.yaml", "CT003", """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
            """, """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  IsMultiRegionTrail: true
                  S3BucketName: audit-logs
                  IsLogging: true
            """),
        new Case("CT003 false and \"false\" in CloudFormation YAML", "stack.yaml", "CT003", """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
                  IsMultiRegionTrail: false # for now
              Quoted:
                Type: AWS::CloudTrail::Trail
                Properties: {S3BucketName: audit-logs, IsLogging: true, IsMultiRegionTrail: "false"}
            """, """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
                  IsMultiRegionTrail: true # for now
              Quoted:
                Type: AWS::CloudTrail::Trail
                Properties: {S3BucketName: audit-logs, IsLogging: true, IsMultiRegionTrail: true}
            """),
        new Case("CT004 and CT006 in a flow mapping of CloudFormation YAML", "stack.yaml", "CT006", """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties: {S3BucketName: audit-logs, IsLogging: true, IsMultiRegionTrail: true}
            """, """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties: {EnableLogFileValidation: true, S3BucketName: audit-logs, IsLogging: true, IsMultiRegionTrail: true}
            """),
        new Case("CT004 false in CloudFormation YAML", "stack.yaml", "CT004", """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  - ignored: list
            """.replace("  - ignored: list\n", "  S3BucketName: audit-logs\n      IsLogging: true\n      IncludeGlobalServiceEvents: false\n"), """
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
                  IncludeGlobalServiceEvents: true
            """),
        new Case("PWD008 reset missing in a CloudFormation YAML login profile", "stack.yaml", "PWD008", """
            Resources:
              Alice:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile:
                    Password: "{{resolve:secretsmanager:alice}}"
            """, """
            Resources:
              Alice:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile:
                    PasswordResetRequired: true
                    Password: "{{resolve:secretsmanager:alice}}"
            """),
        new Case("PWD008 reset false in a flow login profile", "stack.yaml", "PWD008", """
            Resources:
              Alice:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile: { Password: "{{resolve:secretsmanager:alice}}", PasswordResetRequired: 'false' }
            """, """
            Resources:
              Alice:
                Type: AWS::IAM::User
                Properties:
                  LoginProfile: { Password: "{{resolve:secretsmanager:alice}}", PasswordResetRequired: true }
            """),
        new Case("CT003 and friends missing in CloudFormation JSON: a line of its own", "stack.json", "CT003", """
            {
              "Resources": {
                "Trail": {
                  "Type": "AWS::CloudTrail::Trail",
                  "Properties": {
                    "S3BucketName": "audit-logs",
                    "IsLogging": true
                  }
                }
              }
            }
            """, """
            {
              "Resources": {
                "Trail": {
                  "Type": "AWS::CloudTrail::Trail",
                  "Properties": {
                    "IsMultiRegionTrail": true,
                    "S3BucketName": "audit-logs",
                    "IsLogging": true
                  }
                }
              }
            }
            """),
        new Case("CT006 false in CloudFormation JSON", "stack.json", "CT006", """
            {"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail",
              "Properties": {"S3BucketName": "audit-logs", "IsLogging": true, "EnableLogFileValidation": false}}}}
            """, """
            {"Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail",
              "Properties": {"S3BucketName": "audit-logs", "IsLogging": true, "EnableLogFileValidation": true}}}}
            """),
        new Case("PWD008 reset missing in CloudFormation JSON, written on one line", "stack.json", "PWD008", """
            {"Resources": {"Alice": {"Type": "AWS::IAM::User",
              "Properties": {"LoginProfile": {"Password": "{{resolve:secretsmanager:alice}}"}}}}}
            """, """
            {"Resources": {"Alice": {"Type": "AWS::IAM::User",
              "Properties": {"LoginProfile": {"PasswordResetRequired": true, "Password": "{{resolve:secretsmanager:alice}}"}}}}}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theFixedFileNoLongerHasTheFinding(Case c, @TempDir Path dir) throws IOException {
    Path file = dir.resolve(c.file());
    Files.writeString(file, c.before());
    List<Finding> before = FixTestFiles.findings(dir, c.rule());
    assertFalse(before.isEmpty(), "the fixture has a finding of " + c.rule());
    List<Fix> fixes = new ArrayList<>();
    for (Finding f : before) fixes.addAll(Fixes.certainFixes(f, FixTestFiles.source(dir, f)));
    assertEquals(before.size(), fixes.size(), "one certain fix per finding");
    Edits.Applied applied = Edits.apply(c.before(), fixes);
    assertEquals(c.after(), applied.text());
    Files.writeString(file, applied.text());
    assertEquals(List.of(), FixTestFiles.findings(dir, c.rule()));
  }

  record Uncertain(String name, String file, String rule, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Uncertain> uncertain() {
    return Stream.of(
        new Uncertain("a Terraform variable's value", "main.tf", "CT003", """
            variable "multi_region" {
              default = false
            }

            resource "aws_cloudtrail" "t" {
              name                  = "t"
              s3_bucket_name        = "audit-logs"
              is_multi_region_trail = var.multi_region
            }
            """),
        new Uncertain("a Terraform conditional", "main.tf", "PWD002", """
            locals {
              strict = false
            }

            resource "aws_iam_account_password_policy" "p" {
              minimum_password_length = local.strict ? 16 : 8
            }
            """),
        new Uncertain("a string with an interpolation", "main.tf", "CT004", """
            locals {
              flag = "false"
            }

            resource "aws_cloudtrail" "t" {
              name                          = "t"
              s3_bucket_name                = "audit-logs"
              include_global_service_events = "${local.flag}"
            }
            """),
        new Uncertain("a module argument", "main.tf", "CT006", """
            module "trail" {
              source     = "./trail"
              validation = false
            }
            """),
        new Uncertain("a CloudFormation parameter's default", "stack.yaml", "CT003", """
            Parameters:
              MultiRegion:
                Type: String
                Default: "false"
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
                  IsMultiRegionTrail: !Ref MultiRegion
            """),
        new Uncertain("a CloudFormation condition", "stack.json", "CT006", """
            {"Parameters": {"Env": {"Type": "String", "Default": "dev"}},
             "Conditions": {"Prod": {"Fn::Equals": [{"Ref": "Env"}, "prod"]}},
             "Resources": {"Trail": {"Type": "AWS::CloudTrail::Trail", "Properties": {"S3BucketName": "audit-logs",
               "IsLogging": true, "EnableLogFileValidation": {"Fn::If": ["Prod", true, false]}}}}}
            """),
        new Uncertain("a YAML alias of a value written elsewhere", "stack.yaml", "CT004", """
            Mappings:
              Defaults:
                Off: &off false
            Resources:
              Trail:
                Type: AWS::CloudTrail::Trail
                Properties:
                  S3BucketName: audit-logs
                  IsLogging: true
                  IncludeGlobalServiceEvents: *off
            """));
  }

  // Unknown is not certain: a value that does not come from a literal at the place gets no fix.
  @ParameterizedTest(name = "{0}")
  @MethodSource("uncertain")
  void aValueThatIsNotALiteralThereGetsNoFix(Uncertain c, @TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve(c.file()), c.text());
    if (c.name().equals("a module argument")) {
      Files.createDirectories(dir.resolve("trail"));
      Files.writeString(dir.resolve("trail/main.tf"), """
          variable "validation" {}

          resource "aws_cloudtrail" "t" {
            name                       = "t"
            s3_bucket_name             = "audit-logs"
            enable_log_file_validation = var.validation
          }
          """);
    }
    List<Finding> findings = FixTestFiles.findings(dir, c.rule());
    assertFalse(findings.isEmpty(), "the fixture has a finding of " + c.rule());
    for (Finding f : findings) assertEquals(List.of(), Fixes.certainFixes(f, FixTestFiles.source(dir, f)), f.message());
  }

  // The threshold a fix writes is the one the rule is configured with.
  @org.junit.jupiter.api.Test
  void theConfiguredThresholdIsWritten(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        resource "aws_iam_account_password_policy" "p" {
          minimum_password_length = 14
        }
        """);
    ScanOptions options = new ScanOptions(false, false, false,
        Map.of("PWD002", new RuleSettings(Optional.empty(), Optional.empty(), Map.of("min_length", 16))));
    List<Finding> findings = TestScans.scan(dir, options, "PWD002").findings();
    assertEquals(1, findings.size());
    List<Fix> fixes = Fixes.certainFixes(findings.get(0), FixTestFiles.source(dir, findings.get(0)), options);
    assertEquals(List.of("Set minimum_password_length = 16"), fixes.stream().map(Fix::description).toList());
    Files.writeString(dir.resolve("main.tf"), Edits.apply(Files.readString(dir.resolve("main.tf")), fixes).text());
    assertEquals(List.of(), TestScans.scan(dir, options, "PWD002").findings());
  }
}
