# CT003 - a `terraform show -json` plan (plan.json) with the root module's sources beside it:
# the plan gives the values, the sources give the locations.

resource "terraform_data" "flags" {
  input = { multi_region = true }
}

resource "aws_cloudtrail" "single" {
  name                  = "single"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = false # Noncompliant {{Trail aws_cloudtrail.single is not multi-region}}
}

# Compliant: multi-region.
resource "aws_cloudtrail" "global" {
  name                  = "global"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}

# Compliant: known only after apply.
resource "aws_cloudtrail" "computed" {
  name                  = "computed"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = terraform_data.flags.output.multi_region
}

# count: instance [1] is single-region (the plan has both instances).
resource "aws_cloudtrail" "pair" {
  count                 = 2
  name                  = "pair-${count.index}"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = count.index == 0 # Noncompliant {{aws_cloudtrail.pair[1]}}
}
