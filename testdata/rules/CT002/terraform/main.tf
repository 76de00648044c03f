# CT002 - a trail whose logging is switched off (enable_logging = false; missing means on).
# Reported at the value.

resource "aws_cloudtrail" "disabled" {
  name           = "disabled"
  s3_bucket_name = "audit-logs"
  enable_logging = false # Noncompliant {{Trail aws_cloudtrail.disabled has logging disabled}}
}

# A string boolean.
resource "aws_cloudtrail" "disabled_string" {
  name           = "disabled-string"
  s3_bucket_name = "audit-logs"
  enable_logging = "false" # Noncompliant
}

# Compliant: missing means logging is on.
resource "aws_cloudtrail" "default" {
  name           = "default"
  s3_bucket_name = "audit-logs"
}

# Compliant: explicit true, and null (the same as missing).
resource "aws_cloudtrail" "explicit" {
  name           = "explicit"
  s3_bucket_name = "audit-logs"
  enable_logging = true
}

# Compliant: null is the same as missing (on).
resource "aws_cloudtrail" "null_logging" {
  name           = "null-logging"
  s3_bucket_name = "audit-logs"
  enable_logging = null
}

# terraform.tfvars sets false (the default is true).
resource "aws_cloudtrail" "from_tfvars" {
  name           = "from-tfvars"
  s3_bucket_name = "audit-logs"
  enable_logging = var.logging_enabled # Noncompliant {{terraform.tfvars}}
}

resource "aws_cloudtrail" "sandbox" {
  name           = "sandbox"
  s3_bucket_name = "audit-logs"
  enable_logging = var.sandbox_logging # Noncompliant {{default of variable sandbox_logging}}
}

# Compliant: unknown (variable without value).
resource "aws_cloudtrail" "external" {
  name           = "external"
  s3_bucket_name = "audit-logs"
  enable_logging = var.external_logging
}

# A comparison with a local: false.
resource "aws_cloudtrail" "paused" {
  name           = "paused"
  s3_bucket_name = "audit-logs"
  enable_logging = local.audit_mode == "recording" # Noncompliant {{Trail aws_cloudtrail.paused has logging disabled}}
}

# The condition is unknown: its false branch is reported.
resource "aws_cloudtrail" "maintenance" {
  name           = "maintenance"
  s3_bucket_name = "audit-logs"
  enable_logging = var.maintenance ? false : true # Noncompliant {{true branch of a condition that is unknown}}
}

# for_each over a map: only "us" is disabled.
resource "aws_cloudtrail" "regional" {
  for_each       = var.regional_trails
  name           = "regional-${each.key}"
  s3_bucket_name = "audit-logs"
  enable_logging = each.value # Noncompliant {{aws_cloudtrail.regional["us"]}}
}

# count: instance [1] is disabled.
resource "aws_cloudtrail" "pair" {
  count          = 2
  name           = "pair-${count.index}"
  s3_bucket_name = "audit-logs"
  enable_logging = count.index == 0 # Noncompliant {{aws_cloudtrail.pair[1]}}
}

# Passes false (reported in the module, at its use).
module "stopped" {
  source         = "./modules/trail"
  name           = "stopped"
  enable_logging = false
}

# Compliant call: the module's default, true.
module "running" {
  source = "./modules/trail"
  name   = "running"
}
