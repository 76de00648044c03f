# CT006 - log file validation is off: enable_log_file_validation missing (default false,
# reported at the resource) or false (reported at the value).

resource "aws_cloudtrail" "missing" { # Noncompliant {{Trail aws_cloudtrail.missing does not enable log file validation}}
  name           = "missing"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "disabled" {
  name                       = "disabled"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = false # Noncompliant {{altered or deleted log files would go unnoticed}}
}

resource "aws_cloudtrail" "disabled_string" {
  name                       = "disabled-string"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = "false" # Noncompliant
}

# null is the same as missing.
resource "aws_cloudtrail" "null_setting" { # Noncompliant
  name                       = "null-setting"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = null
}

# Compliant: enabled, also as a string.
resource "aws_cloudtrail" "validated" {
  name                       = "validated"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = true
}

# Compliant: "true" as a string.
resource "aws_cloudtrail" "validated_string" {
  name                       = "validated-string"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = "true"
}

# Compliant: terraform.tfvars sets true.
resource "aws_cloudtrail" "organization" {
  name                       = "organization"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.org_validation
}

resource "aws_cloudtrail" "dev" {
  name                       = "dev"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.dev_validation # Noncompliant {{default of variable dev_validation}}
}

# Compliant: unknown (variable without value).
resource "aws_cloudtrail" "external" {
  name                       = "external"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.external_validation
}

# A comparison with a local: false.
resource "aws_cloudtrail" "from_local" {
  name                       = "from-local"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = local.validation_mode == "on" # Noncompliant {{Trail aws_cloudtrail.from_local disables log file validation}}
}

# The condition is unknown: its false branch is reported.
resource "aws_cloudtrail" "maybe" {
  name                       = "maybe"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = var.cost_saving ? false : true # Noncompliant {{true branch of a condition that is unknown}}
}

# for_each: both instances miss the setting.
resource "aws_cloudtrail" "per_team" { # Noncompliant 2
  for_each       = toset(["payments", "search"])
  name           = "trail-${each.key}"
  s3_bucket_name = "audit-logs"
}

# count: instance [0] is validated, [1] is not.
resource "aws_cloudtrail" "pair" {
  count                      = 2
  name                       = "pair-${count.index}"
  s3_bucket_name             = "audit-logs"
  enable_log_file_validation = count.index == 0 # Noncompliant {{aws_cloudtrail.pair[1]}}
}

# Passes no setting (reported in the module, at its resource).
module "unvalidated" {
  source = "./modules/trail"
  name   = "unvalidated"
}

# Compliant call: validation enabled.
module "validated" {
  source   = "./modules/trail"
  name     = "validated-module"
  validate = true
}
