variable "name" {
  type = string
}

variable "multi_region" {
  type    = bool
  default = null
}

# module.regional passes nothing (null: missing); module.global passes true (compliant).
resource "aws_cloudtrail" "this" { # Noncompliant {{Trail module.regional.aws_cloudtrail.this is not multi-region}}
  name                  = var.name
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.multi_region
}
