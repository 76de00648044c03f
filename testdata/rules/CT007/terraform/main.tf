# CT007 - trail logs not encrypted with a KMS key: kms_key_id missing (reported at the resource)
# or empty (reported at the value).

resource "aws_kms_key" "trail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
}

resource "aws_cloudtrail" "missing" { # Noncompliant {{Trail aws_cloudtrail.missing does not encrypt its logs with a KMS key}}
  name           = "missing"
  s3_bucket_name = "audit-logs"
}

resource "aws_cloudtrail" "empty" {
  name           = "empty"
  s3_bucket_name = "audit-logs"
  kms_key_id     = "" # Noncompliant {{Trail aws_cloudtrail.empty sets an empty KMS key id: its logs are not encrypted with a KMS key}}
}

resource "aws_cloudtrail" "blank" {
  name           = "blank"
  s3_bucket_name = "audit-logs"
  kms_key_id     = "   " # Noncompliant
}

# null is the same as missing.
resource "aws_cloudtrail" "null_key" { # Noncompliant
  name           = "null-key"
  s3_bucket_name = "audit-logs"
  kms_key_id     = null
}

# Compliant: a key created here (its ARN is known only after apply).
resource "aws_cloudtrail" "encrypted" {
  name           = "encrypted"
  s3_bucket_name = "audit-logs"
  kms_key_id     = aws_kms_key.trail.arn
}

# Compliant: a literal key ARN, and an alias.
resource "aws_cloudtrail" "literal_key" {
  name           = "literal-key"
  s3_bucket_name = "audit-logs"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

# Compliant: a key alias ARN.
resource "aws_cloudtrail" "alias" {
  name           = "alias"
  s3_bucket_name = "audit-logs"
  kms_key_id     = "arn:aws:kms:eu-west-1:111122223333:alias/cloudtrail"
}

# Compliant: terraform.tfvars sets a key.
resource "aws_cloudtrail" "organization" {
  name           = "organization"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.org_kms_key_arn
}

resource "aws_cloudtrail" "dev" {
  name           = "dev"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.dev_kms_key_arn # Noncompliant {{default of variable dev_kms_key_arn}}
}

# Compliant: unknown (variable without value).
resource "aws_cloudtrail" "external" {
  name           = "external"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.external_kms_key_arn
}

# A local through a function: trimspace("  ") is "".
resource "aws_cloudtrail" "from_local" {
  name           = "from-local"
  s3_bucket_name = "audit-logs"
  kms_key_id     = trimspace(local.kms_key_arn) # Noncompliant {{Trail aws_cloudtrail.from_local sets an empty KMS key id}}
}

# The condition is unknown: its null branch is reported.
resource "aws_cloudtrail" "maybe" {
  name           = "maybe"
  s3_bucket_name = "audit-logs"
  kms_key_id     = var.encrypt ? aws_kms_key.trail.arn : null # Noncompliant {{aws_cloudtrail.maybe sets an empty KMS key id}}
}

# for_each: both instances without key.
resource "aws_cloudtrail" "per_team" { # Noncompliant 2
  for_each       = toset(["payments", "search"])
  name           = "trail-${each.key}"
  s3_bucket_name = "audit-logs"
}

# count: instance [1] has an empty key id.
resource "aws_cloudtrail" "pair" {
  count          = 2
  name           = "pair-${count.index}"
  s3_bucket_name = "audit-logs"
  kms_key_id     = count.index == 0 ? aws_kms_key.trail.arn : "" # Noncompliant {{aws_cloudtrail.pair[1]}}
}

# Passes no key (reported in the module, at its resource).
module "plain" {
  source = "./modules/trail"
  name   = "plain"
}

# Compliant call: a key.
module "encrypted" {
  source     = "./modules/trail"
  name       = "encrypted-module"
  kms_key_id = aws_kms_key.trail.arn
}
