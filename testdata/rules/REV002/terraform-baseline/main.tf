# REV002 - account baseline module without an analyzer: one finding, at the first IAM resource of
# the scan (the attachment comes before the role in this file, and is an IAM resource too).

resource "aws_cloudtrail" "main" {
  name                  = "main"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

resource "aws_iam_role_policy_attachment" "audit" { # Noncompliant {{This account baseline has no IAM Access Analyzer}}
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}

resource "aws_iam_role" "audit" {
  name = "audit"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }]
  })
}
