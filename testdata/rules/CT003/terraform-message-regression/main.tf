# CT003 regression - message. For a Terraform resource that does not set is_multi_region_trail, the message names the
# CloudFormation property instead ("IsMultiRegionTrail is missing, default false"). A Terraform user looks for
# is_multi_region_trail: the message should name it (the CloudFormation fixtures keep the
# CloudFormation name).

resource "aws_cloudtrail" "main" { # Noncompliant {{is_multi_region_trail}}
  name           = "main"
  s3_bucket_name = "audit-logs"
}
