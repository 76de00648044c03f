# CT003 gap (plan with its sources beside it). rules.md: "Location: ... the resource header when
# the problem is a missing attribute" and "a missing attribute takes the AWS/provider default".
# aws_cloudtrail.main does not set is_multi_region_trail; the plan shows the provider's default
# (false). With the sources beside the plan, the finding is located in plan.json (at that
# default value) and worded as an explicit false; expected at the resource header here, as
# when the sources are scanned alone.

resource "aws_cloudtrail" "main" { # Noncompliant {{Trail aws_cloudtrail.main is not multi-region}}
  name           = "main"
  s3_bucket_name = "audit-logs"
}

# Compliant: multi-region.
resource "aws_cloudtrail" "explicit" {
  name                  = "explicit"
  s3_bucket_name        = "audit-logs"
  is_multi_region_trail = true
}
