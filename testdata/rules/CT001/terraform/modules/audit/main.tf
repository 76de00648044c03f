variable "bucket" {
  type = string
}

variable "trails" {
  type    = list(string)
  default = []
}

# count = length([]) = 0: no trail.
resource "aws_cloudtrail" "this" {
  count          = length(var.trails)
  name           = var.trails[count.index]
  s3_bucket_name = var.bucket
}

# IAM resources in a child module are IAM resources of the project too (reported only once,
# at the first one).
resource "aws_iam_policy" "audit_reader" {
  name = "audit-reader"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${var.bucket}/*" }]
  })
}
