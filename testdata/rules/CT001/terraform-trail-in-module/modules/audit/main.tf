variable "trails" {
  type = set(string)
}

# The trail's bucket.
resource "aws_s3_bucket" "audit" {
  bucket = "audit-logs"
}

# Compliant: a trail exists (its settings are judged by CT002-CT008, not by this rule).
resource "aws_cloudtrail" "this" {
  for_each       = var.trails
  name           = each.key
  s3_bucket_name = aws_s3_bucket.audit.id
}
