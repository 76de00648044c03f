resource "aws_cloudtrail" "main" {
  name                          = "main"
  s3_bucket_name                = "audit-logs"
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = "arn:aws:kms:us-east-1:123456789012:key/audit"
  cloud_watch_logs_group_arn    = "arn:aws:logs:us-east-1:123456789012:log-group:trail:*"
  cloud_watch_logs_role_arn     = "arn:aws:iam::123456789012:role/trail"
}
