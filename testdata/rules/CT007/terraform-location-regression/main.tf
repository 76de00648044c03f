# CT007 regression - location. rules.md: "Location: the offending value (attribute/property ...)".
# A value that comes from a local, from an attribute of a map (a local, or a variable's default
# used through for_each) or from a child module's output is reported where it is written
# (locals.tf, variables.tf, modules/settings/main.tf), outside the trail; a variable's scalar
# value is reported at the attribute that uses it ("from default of variable ..."), and so
# should these be. Expected at the trail's kms_key_id.

resource "aws_cloudtrail" "from_local" {
  name           = "from-local"
  s3_bucket_name = "audit-logs"
  kms_key_id     = local.value # Noncompliant {{Trail aws_cloudtrail.from_local sets an empty KMS key id}}
}

resource "aws_cloudtrail" "from_local_map" {
  name           = "from-local-map"
  s3_bucket_name = "audit-logs"
  kms_key_id     = local.settings.kms_key_id # Noncompliant {{Trail aws_cloudtrail.from_local_map sets an empty KMS key id}}
}

# for_each over a variable's map of objects: only "us" is affected.
resource "aws_cloudtrail" "per_region" {
  for_each       = var.regions
  name           = "trail-${each.key}"
  s3_bucket_name = "audit-logs"
  kms_key_id     = each.value.setting # Noncompliant {{aws_cloudtrail.per_region["us"]}}
}

module "settings" {
  source = "./modules/settings"
}

resource "aws_cloudtrail" "from_module" {
  name           = "from-module"
  s3_bucket_name = "audit-logs"
  kms_key_id     = module.settings.value # Noncompliant {{Trail aws_cloudtrail.from_module sets an empty KMS key id}}
}
