package dev.iamlint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a deterministic Terraform corpus for the benchmark ({@code bin/bench}): {@code files}
 * .tf files of about 10 KB each, 20 per module directory, with the shapes real IAM code has
 * (jsonencode and heredoc policies, policy-document data sources, variables, locals, count,
 * for_each, templates). Same seed, same bytes. Optional arguments set the files per module
 * and the bytes per file: the 1,081 .tf files of the 17 public repositories the real-world
 * harness reads have 5 files per directory and 2.4 KB per file on average ("5 2400").
 */
public final class CorpusGenerator {
  private CorpusGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target/bench-corpus");
    int files = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    int perModule = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    int size = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    Random random = new Random(20261128L);
    long bytes = 0;
    for (int i = 0; i < files; i++) {
      Path dir = out.resolve(String.format("module-%03d", i / perModule));
      Files.createDirectories(dir);
      StringBuilder sb = new StringBuilder();
      if (i % perModule == 0) {
        sb.append("variable \"env\" {\n  type    = string\n  default = \"prod\"\n}\n\n");
        sb.append("variable \"teams\" {\n  type    = list(string)\n  default = [\"ops\", \"dev\", \"data\"]\n}\n\n");
        sb.append("locals {\n  prefix = \"${var.env}-app\"\n  tags   = { Environment = var.env, Owner = \"platform\" }\n}\n\n");
      }
      while (sb.length() < size) resource(sb, i, random);
      Files.writeString(dir.resolve(String.format("file-%04d.tf", i)), sb);
      bytes += sb.length();
    }
    System.out.printf("generated %d files, %.1f MB in %s%n", files, bytes / 1e6, out);
  }

  private static void resource(StringBuilder sb, int file, Random random) {
    int n = random.nextInt(1_000_000);
    String name = "r" + file + "_" + n;
    switch (random.nextInt(6)) {
      case 0 -> sb.append("""
          resource "aws_iam_role" "%1$s" {
            name = "${local.prefix}-%1$s"
            assume_role_policy = jsonencode({
              Version = "2012-10-17"
              Statement = [{
                Effect    = "Allow"
                Principal = { Service = "ec2.amazonaws.com" }
                Action    = "sts:AssumeRole"
                Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
              }]
            })
            tags = local.tags
          }

          """.formatted(name));
      case 1 -> sb.append("""
          resource "aws_iam_policy" "%1$s" {
            name   = "%1$s"
            policy = <<-EOT
              {
                "Version": "2012-10-17",
                "Statement": [
                  {
                    "Sid": "Read%2$d",
                    "Effect": "Allow",
                    "Action": ["s3:GetObject", "s3:ListBucket"],
                    "Resource": ["arn:aws:s3:::bucket-%2$d", "arn:aws:s3:::bucket-%2$d/*"]
                  }
                ]
              }
            EOT
          }

          """.formatted(name, n));
      case 2 -> sb.append("""
          data "aws_iam_policy_document" "%1$s" {
            statement {
              sid       = "Logs"
              actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
              resources = ["arn:aws:logs:*:*:log-group:/app/%1$s:*"]
              condition {
                test     = "StringEquals"
                variable = "aws:RequestedRegion"
                values   = ["eu-west-1"]
              }
            }
          }

          resource "aws_iam_role_policy" "%1$s" {
            role   = "app-%2$d"
            policy = data.aws_iam_policy_document.%1$s.json
          }

          """.formatted(name, n % 97));
      case 3 -> sb.append("""
          resource "aws_iam_group_membership" "%1$s" {
            for_each = toset(var.teams)
            name     = "${each.key}-%1$s"
            group    = each.key
            users    = [for i in range(3) : "user-${each.key}-${i}"]
          }

          """.formatted(name));
      case 4 -> sb.append("""
          resource "aws_instance" "%1$s" {
            count                = %2$d
            ami                  = "ami-%3$08x"
            instance_type        = count.index > 1 ? "m5.large" : "t3.micro"
            iam_instance_profile = "profile-%2$d"
            user_data            = <<EOT
          #!/bin/bash
          echo "instance ${count.index} of %1$s" > /etc/motd
          %%{ for t in var.teams ~}
          useradd ${t}
          %%{ endfor ~}
          EOT
            tags = merge(local.tags, { Name = "%1$s-${count.index}" })
          }

          """.formatted(name, 1 + n % 3, n));
      default -> sb.append("""
          resource "aws_cloudtrail" "%1$s" {
            name                          = "%1$s"
            s3_bucket_name                = "trail-%2$d"
            is_multi_region_trail         = true
            include_global_service_events = true
            enable_log_file_validation    = true
            kms_key_id                    = "arn:aws:kms:eu-west-1:123456789012:key/%2$d"
            cloud_watch_logs_group_arn    = "arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"
            cloud_watch_logs_role_arn     = "arn:aws:iam::123456789012:role/trail"
            event_selector {
              read_write_type           = "All"
              include_management_events = true
            }
          }

          """.formatted(name, n));
    }
  }
}
