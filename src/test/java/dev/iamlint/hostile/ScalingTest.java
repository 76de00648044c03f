package dev.iamlint.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many principals, each with the elements that refer to it (a login profile, an access key, a
 * group membership, attached and inline policies): every question "what belongs to this user"
 * was a pass over every element, and each attachment of an AWS managed policy was a copy of its
 * document kept for the whole scan. In a 512 MiB JVM these ran out of memory or took minutes;
 * they must end within the suite's generous timeout, and every user is still judged.
 */
class ScalingTest {
  @TempDir
  Path dir;

  private static final String CANARY = """
      resource "aws_iam_role" "canary" {
        name               = "canary"
        assume_role_policy = "{}"
      }

      resource "aws_iam_role_policy_attachment" "canary" {
        role       = aws_iam_role.canary.name
        policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
      }
      """;

  @Test
  void eightThousandTerraformUsersWithAManagedPolicyKeysAndConsoleAccess() throws Exception {
    int users = 8_000;
    for (int f = 0; f < users / 500; f++) {
      try (Writer w = Files.newBufferedWriter(dir.resolve(String.format("users-%02d.tf", f)), StandardCharsets.UTF_8)) {
        for (int i = f * 500; i < (f + 1) * 500; i++) {
          w.write("""
              resource "aws_iam_user" "u%1$d" {
                name = "user%1$d"
              }

              resource "aws_iam_user_policy_attachment" "a%1$d" {
                user       = "user%1$d"
                policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
              }

              resource "aws_iam_user_login_profile" "l%1$d" {
                user = aws_iam_user.u%1$d.name
              }

              resource "aws_iam_access_key" "k%1$d" {
                user = aws_iam_user.u%1$d.name
              }

              resource "aws_iam_user_group_membership" "m%1$d" {
                user   = aws_iam_user.u%1$d.name
                groups = ["g%2$d"]
              }

              """.formatted(i, i % 10));
        }
      }
    }
    Files.writeString(dir.resolve("canary.tf"), CANARY);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.exit());
    assertEquals(1, run.at("ADM001", "canary.tf", 8).size(), "the canary is judged");
    // Every user is judged: each key is for a console user, each attachment is direct.
    assertEquals(users, run.lines("KEY005").size());
    assertEquals(users, run.lines("USR002").size());
  }

  @Test
  void setOperationsOnAHundredThousandElements() throws Exception {
    // Each element was compared with every other one: 29 s per set of 100,000.
    Files.writeString(dir.resolve("main.tf"), """
        locals {
          all   = flatten([for i in range(1000) : [for j in range(100) : "${i}-${j}"]])
          set   = toset(local.all)
          once  = distinct(local.all)
          union = setunion(local.all, local.set)
          both  = setintersection(local.all, local.set)
          none  = setsubtract(local.all, local.set)
        }

        resource "aws_iam_user" "u" {
          name = "u-${length(local.set)}-${length(local.once)}-${length(local.union)}-${length(local.both)}-${length(local.none)}"
        }
        """);
    Files.writeString(dir.resolve("canary.tf"), CANARY);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.at("ADM001", "canary.tf", 8).size(), "the canary is judged");
    assertEquals(1, run.lines("USR003").stream().filter(l -> l.contains("\"u-100000-100000-100000-100000-0\"")).count(),
        run.stdout());
  }

  @Test
  void twentyThousandInstancesReferToEachOtherByKey() throws Exception {
    // Each reference searched the instances for its key, and each question about a user every element.
    Files.writeString(dir.resolve("main.tf"), """
        locals {
          keys = toset(flatten([for i in range(100) : [for j in range(200) : "${i}-${j}"]]))
        }

        resource "aws_iam_user" "u" {
          for_each = local.keys
          name     = "u${each.key}"
        }

        resource "aws_iam_user_login_profile" "p" {
          for_each = local.keys
          user     = aws_iam_user.u[each.key].name
        }
        """);
    Files.writeString(dir.resolve("canary.tf"), CANARY);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.at("ADM001", "canary.tf", 8).size(), "the canary is judged");
    assertEquals(20_000, run.lines("MFA001").size());
  }

  @Test
  void thirtyTwoThousandCloudFormationUsersInTwoHundredTemplates() throws Exception {
    int users = 32_000;
    int templates = 200;
    for (int t = 0; t < templates; t++) {
      try (Writer w = Files.newBufferedWriter(dir.resolve(String.format("stack-%03d.yaml", t)), StandardCharsets.UTF_8)) {
        w.write("AWSTemplateFormatVersion: \"2010-09-09\"\nResources:\n  Group:\n    Type: AWS::IAM::Group\n");
        for (int i = t * (users / templates); i < (t + 1) * (users / templates); i++) {
          w.write("""
                U%1$d:
                  Type: AWS::IAM::User
                  Properties:
                    UserName: user%1$d
                    LoginProfile:
                      Password: "{{resolve:secretsmanager:pw%1$d}}"
                      PasswordResetRequired: true
                K%1$d:
                  Type: AWS::IAM::AccessKey
                  Properties:
                    UserName: !Ref U%1$d
                P%1$d:
                  Type: AWS::IAM::Policy
                  Properties:
                    PolicyName: p%1$d
                    Users: [!Ref U%1$d]
                    PolicyDocument:
                      Statement:
                        - Effect: Allow
                          Action: s3:GetObject
                          Resource: !Sub "arn:${AWS::Partition}:s3:::b%1$d/*"
                A%1$d:
                  Type: AWS::IAM::UserToGroupAddition
                  Properties:
                    GroupName: !Ref Group
                    Users: [!Ref U%1$d]
              """.formatted(i));
        }
      }
    }
    Files.writeString(dir.resolve("canary.tf"), CANARY);
    HostileScan.Run run = HostileScan.scan(dir);
    run.assertNoInternalError();
    assertEquals(1, run.exit());
    assertEquals(1, run.at("ADM001", "canary.tf", 8).size(), "the canary is judged");
    assertEquals(users, run.lines("KEY005").size());
  }
}
