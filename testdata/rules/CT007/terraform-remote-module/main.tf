# The output of a module whose source is not in the scan (a git or registry source) is a value
# from outside, as an input is: try() and can() do not take it for an error. (Regression from a
# public CloudTrail module: try(coalesce(var.kms_key_arn, module.kms.key_arn), null) was a
# certain "no KMS key" although the module creates the key.) Near miss: an attribute the object
# does not have is an error, and try() gives its fallback.

provider "aws" {
  region = "us-east-1"
}

variable "kms_key_arn" {
  default = ""
}

module "kms" {
  source = "git::https://example.com/platform/kms.git?ref=v1"
}

locals {
  settings = { bucket = "audit-logs" }
}

resource "aws_cloudtrail" "remote_key" {
  name                       = "remote-key"
  s3_bucket_name             = "audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = try(coalesce(var.kms_key_arn, module.kms.key_arn), null)
}

resource "aws_cloudtrail" "missing_setting" { # Noncompliant {{no key is set}}
  name                       = "missing-setting"
  s3_bucket_name             = "audit-logs"
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = try(local.settings.kms_key, null)
}
