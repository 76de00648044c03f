# CT006 regression - message. For a Terraform resource that does not set enable_log_file_validation, the message names the
# CloudFormation property instead ("EnableLogFileValidation is missing, default false"). A Terraform user looks for
# enable_log_file_validation: the message should name it (the CloudFormation fixtures keep the
# CloudFormation name).

resource "aws_cloudtrail" "main" { # Noncompliant {{enable_log_file_validation}}
  name           = "main"
  s3_bucket_name = "audit-logs"
}
