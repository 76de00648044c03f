org_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:organization-trail:*"
org_log_role_arn  = "arn:aws:iam::111122223333:role/cloudtrail-to-cloudwatch"
