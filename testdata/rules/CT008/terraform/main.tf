# CT008 - a trail that does not deliver to CloudWatch Logs, which needs both the log group ARN
# and the role ARN. One finding per trail, at the resource, naming what is missing.

resource "aws_cloudwatch_log_group" "trail" {
  name              = "cloudtrail"
  retention_in_days = 365
}

# The role CloudTrail assumes to write to CloudWatch Logs.
resource "aws_iam_role" "trail_logs" {
  name = "cloudtrail-to-cloudwatch"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "cloudtrail.amazonaws.com" } }]
  })
}

resource "aws_cloudtrail" "none" { # Noncompliant {{Trail aws_cloudtrail.none does not deliver to CloudWatch Logs: the log group ARN and the role ARN are missing, so no metric filter or alarm can watch its events}}
  name           = "none"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "group_only" { # Noncompliant {{the role ARN is missing}}
  name                       = "group-only"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
}

resource "aws_cloudtrail" "role_only" { # Noncompliant {{: the log group ARN is missing}}
  name                      = "role-only"
  s3_bucket_name            = "audit-logs"
  cloud_watch_logs_role_arn = aws_iam_role.trail_logs.arn
}

# An empty string is no ARN.
resource "aws_cloudtrail" "empty_group" { # Noncompliant {{the log group ARN is missing}}
  name                       = "empty-group"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = ""
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
}

# Compliant: both ARNs.
resource "aws_cloudtrail" "streaming" {
  name                       = "streaming"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
}

# Compliant: both ARNs from terraform.tfvars.
resource "aws_cloudtrail" "organization" {
  name                       = "organization"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.org_log_group_arn
  cloud_watch_logs_role_arn  = var.org_log_role_arn
}

# The log group ARN is the variable's default, "".
resource "aws_cloudtrail" "dev" { # Noncompliant {{Trail aws_cloudtrail.dev does not deliver to CloudWatch Logs: the log group ARN is missing}}
  name                       = "dev"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.dev_log_group_arn
  cloud_watch_logs_role_arn  = aws_iam_role.trail_logs.arn
}

# Compliant: both unknown (variables without value), not missing.
resource "aws_cloudtrail" "external" {
  name                       = "external"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.external_log_group_arn
  cloud_watch_logs_role_arn  = var.external_log_role_arn
}

# The condition is unknown: both ARNs are null in one branch.
resource "aws_cloudtrail" "maybe" { # Noncompliant {{the log group ARN and the role ARN are missing}}
  name                       = "maybe"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.stream_to_cloudwatch ? "${aws_cloudwatch_log_group.trail.arn}:*" : null
  cloud_watch_logs_role_arn  = var.stream_to_cloudwatch ? aws_iam_role.trail_logs.arn : null
}

# for_each: neither instance streams.
resource "aws_cloudtrail" "per_team" { # Noncompliant 2
  for_each       = toset(["payments", "search"])
  name           = "trail-${each.key}"
  s3_bucket_name = "audit-logs"
}

# count: only instance [0] has the role.
resource "aws_cloudtrail" "pair" { # Noncompliant {{Trail aws_cloudtrail.pair[1] does not deliver to CloudWatch Logs: the role ARN is missing}}
  count                      = 2
  name                       = "pair-${count.index}"
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = count.index == 0 ? aws_iam_role.trail_logs.arn : null
}

# Passes no ARN (reported in the module, at its resource).
module "quiet" {
  source = "./modules/trail"
  name   = "quiet"
}

# Compliant call: both ARNs.
module "streaming" {
  source        = "./modules/trail"
  name          = "streaming-module"
  log_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  log_role_arn  = aws_iam_role.trail_logs.arn
}
