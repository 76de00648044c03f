# CT004 - a trail that leaves out global service events (include_global_service_events =
# false; missing means true), where IAM, STS and sign-in events are. Reported at the value.

resource "aws_cloudtrail" "excluded" {
  name                          = "excluded"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = false # Noncompliant {{Trail aws_cloudtrail.excluded excludes global service events: IAM, STS and console sign-in events would be lost}}
}

resource "aws_cloudtrail" "excluded_string" {
  name                          = "excluded-string"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = "false" # Noncompliant
}

# Compliant: missing means true; explicit true; null.
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "audit-logs"
}

# Compliant: explicit true.
resource "aws_cloudtrail" "included" {
  name                          = "included"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = true
}

# Compliant: null is the same as missing (true).
resource "aws_cloudtrail" "null_setting" {
  name                          = "null-setting"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = null
}

resource "aws_cloudtrail" "from_tfvars" {
  name                          = "from-tfvars"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.global_events # Noncompliant {{terraform.tfvars}}
}

resource "aws_cloudtrail" "regional_only" {
  name                          = "regional-only"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.regional_only # Noncompliant {{default of variable regional_only}}
}

# Compliant: unknown (variable without value).
resource "aws_cloudtrail" "external" {
  name                          = "external"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.external_global_events
}

# The condition is unknown: its false branch is reported.
resource "aws_cloudtrail" "maybe_secondary" {
  name                          = "maybe-secondary"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = var.secondary_region ? false : true # Noncompliant {{true branch of a condition that is unknown}}
}

# for_each over the local map: only "eu-central-1" excludes them.
resource "aws_cloudtrail" "regional" {
  for_each                      = local.regions
  name                          = "trail-${each.key}"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = each.value # Noncompliant {{Trail aws_cloudtrail.regional["eu-central-1"] excludes global service events}}
}

# count: only [0] records global events.
resource "aws_cloudtrail" "pair" {
  count                         = 2
  name                          = "pair-${count.index}"
  s3_bucket_name                = "audit-logs"
  include_global_service_events = count.index == 0 ? true : false # Noncompliant {{aws_cloudtrail.pair[1]}}
}

# Passes false (reported in the module, at its use).
module "secondary" {
  source        = "./modules/trail"
  name          = "secondary"
  global_events = false
}

# Compliant call: the module's default, true.
module "primary" {
  source = "./modules/trail"
  name   = "primary"
}
