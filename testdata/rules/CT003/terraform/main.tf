# CT003 - a trail that records one region only: is_multi_region_trail missing (default false,
# reported at the resource) or false (reported at the value).

resource "aws_cloudtrail" "missing" { # Noncompliant {{Trail aws_cloudtrail.missing is not multi-region}}
  name           = "missing"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "single" {
  name                  = "single"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = false # Noncompliant {{activity in other regions is not recorded}}
}

# null is the same as missing.
resource "aws_cloudtrail" "null_setting" { # Noncompliant
  name                  = "null-setting"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = null
}

# Compliant: multi-region, also as a string.
resource "aws_cloudtrail" "global" {
  name                  = "global"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

# Compliant: "true" as a string.
resource "aws_cloudtrail" "global_string" {
  name                  = "global-string"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = "true"
}

# Compliant: terraform.tfvars sets true.
resource "aws_cloudtrail" "organization" {
  name                  = "organization"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.org_multi_region
}

resource "aws_cloudtrail" "dev" {
  name                  = "dev"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.dev_multi_region # Noncompliant {{default of variable dev_multi_region}}
}

# Compliant: unknown (variable without value).
resource "aws_cloudtrail" "external" {
  name                  = "external"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = var.external_multi_region
}

# A comparison with a local: false.
resource "aws_cloudtrail" "from_local" {
  name                  = "from-local"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = local.trail_scope == "global" # Noncompliant {{Trail aws_cloudtrail.from_local is not multi-region}}
}

# The condition is unknown: its false branch is reported.
resource "aws_cloudtrail" "maybe" {
  name                  = "maybe"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = !var.single_region_only ? true : false # Noncompliant {{false branch of a condition that is unknown}}
}

# for_each: both instances miss the setting.
resource "aws_cloudtrail" "per_name" { # Noncompliant 2
  for_each       = var.trail_names
  name           = each.key
  s3_bucket_name = "audit-logs"
}

# count: instance [1] is single-region.
resource "aws_cloudtrail" "pair" {
  count                 = 2
  name                  = "pair-${count.index}"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = count.index < 1 # Noncompliant {{aws_cloudtrail.pair[1]}}
}

# Passes no setting (reported in the module, at its resource).
module "regional" {
  source = "./modules/trail"
  name   = "regional"
}

# Compliant call: multi-region.
module "global" {
  source       = "./modules/trail"
  name         = "global-module"
  multi_region = true
}
