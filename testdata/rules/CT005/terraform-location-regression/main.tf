# CT005 regression - location. rules.md: "Location: the offending value (attribute/property ...)".
# A selector setting that comes from a local, or from a dynamic block's iterator (an object of a
# local list, or an element of the for_each list), is reported where that value is written
# (locals.tf, the for_each collection), not at the selector's attribute; a variable's scalar
# value is reported at the attribute that uses it, and so should these be. Expected at the
# selector's attribute.

resource "aws_cloudtrail" "from_local" {
  name           = "from-local"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = local.read_write_type # Noncompliant {{Trail aws_cloudtrail.from_local's event selectors record only read-only management events}}
  }
}

resource "aws_cloudtrail" "dynamic_objects" {
  name           = "dynamic-objects"
  s3_bucket_name = "audit-logs"

  dynamic "event_selector" {
    for_each = local.selectors
    content {
      include_management_events = event_selector.value.include_management_events # Noncompliant {{Trail aws_cloudtrail.dynamic_objects's event selectors exclude management events}}
    }
  }
}

resource "aws_cloudtrail" "dynamic_values" {
  name           = "dynamic-values"
  s3_bucket_name = "audit-logs"

  dynamic "event_selector" {
    for_each = ["WriteOnly"]
    content {
      read_write_type = event_selector.value # Noncompliant {{Trail aws_cloudtrail.dynamic_values's event selectors record only write-only management events}}
    }
  }
}
