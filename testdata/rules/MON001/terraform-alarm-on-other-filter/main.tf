# MON001 - regression: the CIS root-usage filter exists, and the only alarm in its namespace reads
# its metric name from another filter's id. That reference is the other filter's name, not an
# unknown that might be this metric: the root-usage metric has no alarm.
resource "aws_cloudtrail" "main" { # Noncompliant {{metric filter aws_cloudwatch_log_metric_filter.root has the CIS pattern but no alarm}}
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudwatch_log_metric_filter" "root" {
  name           = "RootAccountUsage"
  log_group_name = "cloudtrail"
  pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"

  metric_transformation {
    name      = "RootAccountUsage"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_log_metric_filter" "console_without_mfa" {
  name           = "ConsoleSigninWithoutMFA"
  log_group_name = "cloudtrail"
  pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"

  metric_transformation {
    name      = "ConsoleSigninWithoutMFA"
    namespace = "CISBenchmark"
    value     = "1"
  }
}

resource "aws_cloudwatch_metric_alarm" "console_without_mfa" {
  alarm_name          = "ConsoleSigninWithoutMFA"
  metric_name         = aws_cloudwatch_log_metric_filter.console_without_mfa.id
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}

resource "aws_cloudwatch_metric_alarm" "other" {
  alarm_name          = "Other"
  metric_name         = "XXX NOT YOUR FILTER XXX"
  namespace           = "CISBenchmark"
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  threshold           = 1
  comparison_operator = "GreaterThanOrEqualToThreshold"
}
