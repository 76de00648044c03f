variable "name" {
  type = string
}

variable "enable_logging" {
  type    = bool
  default = true
}

# module.stopped passes false; module.running keeps the default (compliant).
resource "aws_cloudtrail" "this" {
  name                       = var.name
  s3_bucket_name             = "audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  enable_logging             = var.enable_logging # Noncompliant {{from argument enable_logging of module.stopped}}
}
