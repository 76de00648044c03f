variable "name" {
  type = string
}

variable "kms_key_arn" {
  type    = string
  default = ""
}

resource "aws_cloudtrail" "this" { # Noncompliant {{module.plain.aws_cloudtrail.this}}
  name                          = var.name
  s3_bucket_name                = "my-trail-bucket"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = var.kms_key_arn == "" ? null : var.kms_key_arn
}
