# MON003 - an account baseline without a trail: the finding is at the first resource.
resource "aws_cloudwatch_log_group" "trail" { # Noncompliant {{no metric filter has the CIS pattern}}
  name = "cloudtrail"
}

resource "aws_cloudwatch_log_metric_filter" "cis" {
  name           = "IAMPolicyChanges"
  log_group_name = aws_cloudwatch_log_group.trail.name
  pattern        = "{($.eventName=DeleteGroupPolicy)||($.eventName=DeleteRolePolicy)||($.eventName=DeleteUserPolicy)||($.eventName=PutGroupPolicy)||($.eventName=PutRolePolicy)||($.eventName=PutUserPolicy)}"

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
