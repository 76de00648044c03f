# MON003 - the known part of the pattern already narrows it to another service's events
# ($.eventSource = iot.amazonaws.com): whatever the event names are, IAM policy changes do not match.
variable "event_names" {
  type = string
}

resource "aws_cloudtrail" "main" { # Noncompliant {{no metric filter has the CIS pattern}}
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
  name           = "IAMPolicyChanges"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{ ($.eventSource = iot.amazonaws.com) && (${var.event_names}) }"

  metric_transformation {
    name      = "IAMPolicyChanges"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis" {
  alarm_name          = "IAMPolicyChanges"
  metric_name         = aws_cloudwatch_log_metric_filter.cis.id
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}
