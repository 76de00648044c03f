package dev.iamlint.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.iamlint.rule.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which principal a finding names when the same name or address exists in several places. */
class DeploymentScanTest {

  private static final String ADMIN_ROLE_MODULE = TestScans.adminRole("\"AWSAFTExecution\"");

  // Regression: a module creating a role of one literal name, called once per account; each
  // attachment named the first instance's role.
  @Test
  void aNameWrittenInAModuleInstanceNamesThatInstancesOwnPrincipal(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("admin-role"));
    Files.writeString(dir.resolve("admin-role/main.tf"), ADMIN_ROLE_MODULE);
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region = "eu-west-1"
        }
        module "audit" {
          source = "./admin-role"
        }
        module "log_archive" {
          source = "./admin-role"
        }
        """);
    List<String> messages = TestScans.findings(dir, "ADM001").stream().map(Finding::message).sorted().toList();
    assertEquals(List.of(
        "AdministratorAccess is attached to role \"AWSAFTExecution\" (module.audit.aws_iam_role.role)",
        "AdministratorAccess is attached to role \"AWSAFTExecution\" (module.log_archive.aws_iam_role.role)"),
        messages);
  }

  // Regression (a public GitLab runner module called by four example roots): a module called by
  // two root modules declares its policy in each at the same address; each root's attachment
  // named the first root's policy, and the second root's policy was judged as attached to no one.
  @Test
  void aModuleCalledByTwoRootsAttachesEachRootsOwnPolicy(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("runner"));
    Files.writeString(dir.resolve("runner/main.tf"), """
        variable "env" {
          type = string
        }
        resource "aws_iam_role" "instance" {
          name               = "${var.env}-instance"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
        }
        resource "aws_iam_policy" "machine" {
          name   = "${var.env}-machine"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = ["iam:PassRole", "ec2:RunInstances"], Resource = "*" }] })
        }
        resource "aws_iam_role_policy_attachment" "machine" {
          role       = aws_iam_role.instance.name
          policy_arn = aws_iam_policy.machine.arn
        }
        """);
    for (String env : List.of("blue", "green")) {
      Files.createDirectories(dir.resolve(env));
      Files.writeString(dir.resolve(env + "/main.tf"), """
          provider "aws" {
            region = "eu-west-1"
          }
          module "runner" {
            source = "../runner"
            env    = "%s"
          }
          """.formatted(env));
    }
    List<String> messages = TestScans.findings(dir, "ADM005").stream()
        .map(f -> f.message().replaceAll(" \\(statement.*", "")).sorted().toList();
    assertEquals(2, messages.size(), messages.toString());
    assertEquals(true, messages.get(0).contains("from policy \"blue-machine\" attached to role \"blue-instance\""), messages.get(0));
    assertEquals(true, messages.get(1).contains("from policy \"green-machine\" attached to role \"green-instance\""), messages.get(1));
  }

  // Regression (a public IAM user module's two example roots): the same user name in two root
  // modules is one IAM user, but each root's MFA001 is located at its own login profile (it was
  // located at the first root's).
  @Test
  void aConsoleUserWithoutMfaIsReportedAtItsOwnLoginProfile(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("user"));
    Files.writeString(dir.resolve("user/main.tf"), """
        variable "name" {
          type = string
        }
        resource "aws_iam_user" "this" {
          name = var.name
        }
        resource "aws_iam_user_login_profile" "this" {
          user                    = aws_iam_user.this.name
          pgp_key                 = "keybase:someone"
          password_reset_required = true
        }
        """);
    Files.createDirectories(dir.resolve("single"));
    Files.writeString(dir.resolve("single/main.tf"), """
        module "user" {
          source = "../user"
          name   = "alice"
        }
        """);
    Files.createDirectories(dir.resolve("many"));
    Files.writeString(dir.resolve("many/main.tf"), """
        module "users" {
          source   = "../user"
          for_each = toset(["alice"])
          name     = each.key
        }
        """);
    List<String> located = TestScans.findings(dir, "MFA001").stream()
        .map(f -> f.resource().address()).sorted().toList();
    assertEquals(List.of("module.user.aws_iam_user_login_profile.this",
        "module.users[\"alice\"].aws_iam_user_login_profile.this"), located);
  }

  // Regression (this session's own change to the index keys): a customer policy attached by its
  // literal ARN was no longer found by its name, and judged as attached to no one.
  @Test
  void aCustomerPolicyAttachedByItsLiteralArnIsThePrincipals(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), """
        provider "aws" {
          region = "eu-west-1"
        }
        resource "aws_iam_role" "builder" {
          name               = "builder"
          assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
        }
        resource "aws_iam_policy" "versions" {
          name   = "policy-versions"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "*" }] })
        }
        resource "aws_iam_role_policy_attachment" "versions" {
          role       = aws_iam_role.builder.name
          policy_arn = "arn:aws:iam::123456789012:policy/policy-versions"
        }
        """);
    List<String> messages = TestScans.findings(dir, "ADM005").stream().map(Finding::message).toList();
    assertEquals(1, messages.size(), messages.toString());
    assertEquals(true, messages.get(0).startsWith("Role \"builder\""), messages.get(0));
  }

  // Regression: a Terraform root and a CloudFormation template beside it both declare role
  // "deployer"; the Terraform attachment named the template's role.
  @Test
  void aTerraformAttachmentNamesTheRoleOfItsOwnDeployment(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("role.yaml"), """
        AWSTemplateFormatVersion: "2010-09-09"
        Resources:
          DeployerRole:
            Type: AWS::IAM::Role
            Properties:
              RoleName: AWSAFTExecution
              AssumeRolePolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: { Service: codebuild.amazonaws.com }
                    Action: sts:AssumeRole
        """);
    Files.writeString(dir.resolve("main.tf"), ADMIN_ROLE_MODULE);
    List<String> messages = TestScans.findings(dir, "ADM001").stream().map(Finding::message).toList();
    assertEquals(List.of("AdministratorAccess is attached to role \"AWSAFTExecution\" (aws_iam_role.role)"), messages);
  }

  // Regression: two example roots calling the same module gave their findings one fingerprint
  // (same rule, file and address), so a baseline or GitLab merged them. The very same finding
  // from both is reported once.
  @Test
  void findingsInAModuleSharedByTwoRootModulesHaveDistinctFingerprints(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("main.tf"), "variable \"name\" {\n  type = string\n}\n"
        + TestScans.adminRole("var.name"));
    for (String example : List.of("basic", "complete", "copy")) {
      Files.createDirectories(dir.resolve("examples/" + example));
      Files.writeString(dir.resolve("examples/" + example + "/main.tf"), """
          provider "aws" {
            region = "eu-west-1"
          }
          module "role" {
            source = "../.."
            name   = "%s"
          }
          """.formatted(example.equals("copy") ? "basic" : example));
    }
    List<Finding> findings = TestScans.findings(dir, "ADM001");
    assertEquals(List.of("AdministratorAccess is attached to role \"basic\" (module.role.aws_iam_role.role)",
        "AdministratorAccess is attached to role \"complete\" (module.role.aws_iam_role.role)"),
        findings.stream().map(Finding::message).toList());
    assertEquals(2, findings.stream().map(Finding::fingerprint).distinct().count());
    // Only the colliding findings carry their deployment: a module called by one root keeps the
    // fingerprint it always had (rule, file, address, detail), so existing baselines still match.
    Path single = Files.createDirectories(dir.resolve("single"));
    Files.createDirectories(single.resolve("modules/iam"));
    Files.writeString(single.resolve("modules/iam/main.tf"), ADMIN_ROLE_MODULE);
    Files.createDirectories(single.resolve("live/prod"));
    Files.writeString(single.resolve("live/prod/main.tf"), "module \"iam\" {\n  source = \"../../modules/iam\"\n}\n");
    Finding own = TestScans.findings(single, "ADM001").get(0);
    assertEquals("AdministratorAccess|module.iam.aws_iam_role.role", own.detail());
  }

  // Regression (review): the policies of two root modules pinned to different accounts were
  // combined into one user's escalation path.
  @Test
  void policiesOfDeploymentsPinnedToOtherAccountsAreNotCombined(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("dev"));
    Files.createDirectories(dir.resolve("prod"));
    String provider = "provider \"aws\" {\n  region = \"eu-west-1\"\n  allowed_account_ids = [\"%s\"]\n}\n";
    Files.writeString(dir.resolve("dev/main.tf"), provider.formatted("222222222222") + """
        resource "aws_iam_user_policy" "pass" {
          name   = "pass"
          user   = "alice"
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = "*" }] })
        }
        """);
    Files.writeString(dir.resolve("prod/main.tf"), provider.formatted("111111111111") + """
        resource "aws_iam_user" "alice" {
          name = "alice"
        }
        resource "aws_iam_user_policy" "run" {
          name   = "run"
          user   = aws_iam_user.alice.name
          policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }] })
        }
        """);
    assertEquals(List.of(), TestScans.findings(dir, "ADM005"));
    // Near miss: the same two policies in one account combine into the path.
    Files.writeString(dir.resolve("dev/main.tf"), Files.readString(dir.resolve("dev/main.tf")).replace("222222222222", "111111111111"));
    assertEquals(1, TestScans.findings(dir, "ADM005").size());
  }

  // Regression (review): plans had no pinned accounts, so plans of two accounts were combined.
  @Test
  void plansPinnedToOtherAccountsAreNotCombined(@TempDir Path dir) throws IOException {
    String plan = """
        {
          "format_version": "1.2",
          "configuration": {"provider_config": {"aws": {"name": "aws", "expressions": {
            "allowed_account_ids": {"constant_value": ["%s"]}}}}},
          "planned_values": {"root_module": {"resources": [%s]}}
        }
        """;
    String pass = """
        {"address": "aws_iam_user_policy.pass", "mode": "managed", "type": "aws_iam_user_policy", "name": "pass",
         "values": {"name": "pass", "user": "alice",
           "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"iam:PassRole\\",\\"Resource\\":\\"*\\"}]}"}}""";
    String run = """
        {"address": "aws_iam_user.alice", "mode": "managed", "type": "aws_iam_user", "name": "alice",
         "values": {"name": "alice"}},
        {"address": "aws_iam_user_policy.run", "mode": "managed", "type": "aws_iam_user_policy", "name": "run",
         "values": {"name": "run", "user": "alice",
           "policy": "{\\"Version\\":\\"2012-10-17\\",\\"Statement\\":[{\\"Effect\\":\\"Allow\\",\\"Action\\":\\"ec2:RunInstances\\",\\"Resource\\":\\"*\\"}]}"}}""";
    Files.createDirectories(dir.resolve("dev"));
    Files.createDirectories(dir.resolve("prod"));
    Files.writeString(dir.resolve("dev/plan.json"), plan.formatted("222222222222", pass));
    Files.writeString(dir.resolve("prod/plan.json"), plan.formatted("111111111111", run));
    assertEquals(List.of(), TestScans.findings(dir, "ADM005"));
    Files.writeString(dir.resolve("dev/plan.json"), plan.formatted("111111111111", pass));
    assertEquals(1, TestScans.findings(dir, "ADM005").size(), "the same account: one path");
  }
}
