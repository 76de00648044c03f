# CT007 regression - message. For a Terraform resource that does not set kms_key_id, the message names the
# CloudFormation property instead ("KMSKeyId is missing"). A Terraform user looks for
# kms_key_id: the message should name it (the CloudFormation fixtures keep the
# CloudFormation name).

resource "aws_cloudtrail" "main" { # Noncompliant {{kms_key_id}}
  name           = "main"
  s3_bucket_name = "audit-logs"
}
