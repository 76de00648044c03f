# A reusable trail module: the CIS alarms belong to the account that deploys it.
resource "aws_cloudtrail" "this" {
  name                  = "org"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
}
