variable "name" {
  type = string
}

variable "log_group_arn" {
  type    = string
  default = null
}

variable "log_role_arn" {
  type    = string
  default = null
}

# module.quiet passes nothing; module.streaming passes both ARNs (compliant).
resource "aws_cloudtrail" "this" { # Noncompliant {{Trail module.quiet.aws_cloudtrail.this does not deliver to CloudWatch Logs: the log group ARN and the role ARN are missing}}
  name                       = var.name
  s3_bucket_name             = "audit-logs"
  cloud_watch_logs_group_arn = var.log_group_arn
  cloud_watch_logs_role_arn  = var.log_role_arn
}
