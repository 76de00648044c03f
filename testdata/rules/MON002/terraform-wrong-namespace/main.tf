# MON002 - the CIS pattern from a local; the alarm has the metric name but another namespace.
locals {
  pattern = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") && ($.userIdentity.type = \"IAMUser\") && ($.responseElements.ConsoleLogin = \"Success\") }"
}

resource "aws_cloudtrail" "main" { # Noncompliant {{has the CIS pattern but no alarm watches}}
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  is_multi_region_trail      = true
  cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = "arn:aws:iam::123456789012:role/trail-to-logs"
}

resource "aws_cloudwatch_log_group" "trail" {
  name = "cloudtrail"
}

resource "aws_cloudwatch_log_metric_filter" "cis" {
  name           = "ConsoleSigninWithoutMFA"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = local.pattern

  metric_transformation {
    name      = "ConsoleSigninWithoutMFA"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis" {
  alarm_name          = "ConsoleSigninWithoutMFA"
  metric_name         = "ConsoleSigninWithoutMFA"
  namespace           = "AWS/Logs"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}
