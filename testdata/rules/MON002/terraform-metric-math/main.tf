# MON002 - compliant: the alarm is written with metric math (metric_query): the query with a metric block watches
# the filter's metric. Found by probing: metric_query was not read.
resource "aws_cloudtrail" "main" {
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
  pattern        = "{ ($.eventName = ConsoleLogin) && ($.additionalEventData.MFAUsed != \"Yes\") }"

  metric_transformation {
    name      = "ConsoleSigninWithoutMFA"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "cis" {
  alarm_name          = "ConsoleSigninWithoutMFA"
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"

  metric_query {
    id          = "total"
    expression  = "SUM(METRICS())"
    return_data = true
  }

  metric_query {
    id = "signins"
    metric {
      metric_name = aws_cloudwatch_log_metric_filter.cis.id
      namespace   = "CISBenchmark"
      period      = 300
      stat        = "Sum"
    }
  }
}
