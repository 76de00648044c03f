variable "name" {
  type = string
}

variable "kms_key_id" {
  type    = string
  default = null
}

# module.plain passes nothing (null: missing); module.encrypted passes a key (compliant).
resource "aws_cloudtrail" "this" { # Noncompliant {{Trail module.plain.aws_cloudtrail.this does not encrypt its logs with a KMS key}}
  name           = var.name
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.kms_key_id
}
