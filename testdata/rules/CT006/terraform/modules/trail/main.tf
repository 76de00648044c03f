variable "name" {
  type = string
}

variable "validate" {
  type    = bool
  default = null
}

# module.unvalidated passes nothing (null: missing); module.validated passes true (compliant).
resource "aws_cloudtrail" "this" { # Noncompliant {{Trail module.unvalidated.aws_cloudtrail.this does not enable log file validation}}
  name                       = var.name
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.validate
}
