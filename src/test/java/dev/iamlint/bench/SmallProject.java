package dev.iamlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the small project of the start-up benchmark ({@code bin/bench startup}): what a
 * pre-commit hook or an editor's on-save tool sees, five {@code .tf} files and five
 * CloudFormation templates of about 2 KB each (21 KB in all), with a trail, roles, policies, a
 * user and its group. Same bytes every time.
 */
public final class SmallProject {
  private SmallProject() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench-small");
    Files.createDirectories(out.resolve("terraform"));
    Files.createDirectories(out.resolve("stacks"));
    // A project of its own (its root), not a part of the checkout that holds it.
    Files.writeString(out.resolve(".iamlint.yaml"), "# the start-up benchmark's project\n");
    long bytes = 0;
    for (int i = 0; i < 5; i++) {
      bytes += write(out.resolve("terraform/file-" + i + ".tf"), terraform(i));
      bytes += write(out.resolve("stacks/stack-" + i + ".yaml"), template(i));
    }
    System.out.printf("generated 10 files, %.1f KB in %s%n", bytes / 1e3, out);
  }

  private static long write(Path file, String text) throws IOException {
    Files.writeString(file, text);
    return text.length();
  }

  private static String terraform(int i) {
    StringBuilder sb = new StringBuilder();
    if (i == 0) {
      sb.append("""
          variable "env" {
            type    = string
            default = "prod"
          }

          locals {
            prefix = "${var.env}-app"
          }

          resource "aws_cloudtrail" "main" {
            name                          = "main"
            s3_bucket_name                = "trail-logs"
            is_multi_region_trail         = true
            include_global_service_events = true
            enable_log_file_validation    = true
            kms_key_id                    = "arn:aws:kms:eu-west-1:123456789012:key/trail"
          }

          """);
    }
    while (sb.length() < 1_900) {
      int n = sb.length();
      sb.append("""
          resource "aws_iam_role" "app_%1$d_%2$d" {
            name = "${local.prefix}-%1$d-%2$d"
            assume_role_policy = jsonencode({
              Version   = "2012-10-17"
              Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
            })
          }

          data "aws_iam_policy_document" "app_%1$d_%2$d" {
            statement {
              actions   = ["s3:GetObject", "s3:ListBucket"]
              resources = ["arn:aws:s3:::bucket-%1$d", "arn:aws:s3:::bucket-%1$d/*"]
            }
          }

          resource "aws_iam_role_policy" "app_%1$d_%2$d" {
            role   = aws_iam_role.app_%1$d_%2$d.id
            policy = data.aws_iam_policy_document.app_%1$d_%2$d.json
          }

          """.formatted(i, n));
    }
    return sb.toString();
  }

  private static String template(int i) {
    StringBuilder sb = new StringBuilder("""
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Env:
            Type: String
            Default: prod
        Resources:
        """);
    int n = 0;
    while (sb.length() < 1_900) {
      sb.append("""
            Role%1$d%2$d:
              Type: AWS::IAM::Role
              Properties:
                RoleName: !Sub "${Env}-worker-%1$d-%2$d"
                AssumeRolePolicyDocument:
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Principal: { Service: ecs-tasks.amazonaws.com }
                      Action: sts:AssumeRole
                Policies:
                  - PolicyName: queue
                    PolicyDocument:
                      Version: "2012-10-17"
                      Statement:
                        - Effect: Allow
                          Action: [sqs:SendMessage, sqs:ReceiveMessage]
                          Resource: !Sub "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs-%1$d"
          """.formatted(i, n++));
    }
    if (i == 0) {
      sb.append("""
            Ops:
              Type: AWS::IAM::Group
              Properties:
                ManagedPolicyArns: [arn:aws:iam::aws:policy/ReadOnlyAccess]
            Alice:
              Type: AWS::IAM::User
              Properties:
                Groups: [!Ref Ops]
          """);
    }
    return sb.toString();
  }
}
