resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

# Data sources are not resources: they are never the location.
data "aws_caller_identity" "current" {}
