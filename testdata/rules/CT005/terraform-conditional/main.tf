# CT005 gap (consistency): a condition that cannot be decided (variable without value) with an
# offending branch. testdata/rules/KEY001/edge-cases.yaml states the project's convention:
# "every other rule (ADM001, PWD007, PWD008, ROOT001, CT002-CT007) reports the offending
# branch"; CT002, CT003, CT004, CT006 do so in Terraform, CT005 does not (neither in
# CloudFormation: ReadWriteType: !If [IsProd, All, ReadOnly] with an undecidable IsProd is
# not reported either). Expected on the line of the offending branch.

variable "production" {
  type = bool
}

resource "aws_cloudtrail" "maybe_read_only" {
  name           = "maybe-read-only"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = var.production ? "All" : "ReadOnly" # Noncompliant {{record only read-only management events}}
  }
}

resource "aws_cloudtrail" "maybe_excluded" {
  name           = "maybe-excluded"
  s3_bucket_name = "audit-logs"

  event_selector {
    include_management_events = var.production ? true : false # Noncompliant {{exclude management events}}
  }
}

# Compliant: both branches record every management event.
resource "aws_cloudtrail" "either_way" {
  name           = "either-way"
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = var.production ? "All" : "All"
  }
}
