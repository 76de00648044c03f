variable "name" {
  type = string
}

variable "global_events" {
  type    = bool
  default = true
}

# module.secondary passes false; module.primary keeps the default (compliant).
resource "aws_cloudtrail" "this" {
  name                          = var.name
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.global_events # Noncompliant {{module.secondary.aws_cloudtrail.this}}
}
