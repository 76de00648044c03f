# More IAM resources: the single finding is at the first one (iam.tf).
resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

# Not an IAM resource.
resource "aws_s3_bucket" "audit" {
  bucket = "audit-logs"
}

variable "enable_trail" {
  type    = bool
  default = false
}

# Not created: enable_trail is false, so the project has no trail.
resource "aws_cloudtrail" "maybe" {
  count          = var.enable_trail ? 1 : 0
  name           = "maybe"
  s3_bucket_name = aws_s3_bucket.audit.id
}

# The child module's trail is not created either (count = 0 inside).
module "audit" {
  source = "./modules/audit"
  bucket = aws_s3_bucket.audit.id
}
