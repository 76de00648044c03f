# KEY001 - an active IAM user access key is a long-lived credential. A missing status is Active
# (reported at the resource), an explicit one at the status.

resource "aws_iam_user" "ci" {
  name = "ci"
}

# Users are not judged by this rule, their keys are.
resource "aws_iam_user" "service" {
  for_each = var.service_users
  name     = each.value
}

resource "aws_iam_access_key" "ci" { # Noncompliant {{Access key aws_iam_access_key.ci is a long-lived credential for user "ci" (aws_iam_user.ci)}}
  user = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "ci_explicit" {
  user   = aws_iam_user.ci.name
  status = "Active" # Noncompliant {{rotate it within 90 days}}
}

# null is the same as a missing status.
resource "aws_iam_access_key" "ci_null" { # Noncompliant
  user   = aws_iam_user.ci.name
  status = null
}

resource "aws_iam_access_key" "ci_from_variable" {
  user   = aws_iam_user.ci.name
  status = var.ci_key_status # Noncompliant {{default of variable ci_key_status}}
}

# Compliant: inactive.
resource "aws_iam_access_key" "retired" {
  user   = aws_iam_user.ci.name
  status = "Inactive"
}

# Compliant: terraform.tfvars sets "Inactive".
resource "aws_iam_access_key" "legacy" {
  user   = aws_iam_user.ci.name
  status = var.legacy_key_status
}

# Compliant: the status is unknown (variable without value).
resource "aws_iam_access_key" "vendor" {
  user   = "vendor"
  status = var.vendor_key_status
}

# The condition is unknown: its "Active" branch is reported.
resource "aws_iam_access_key" "rotating" {
  user   = "rotating"
  status = var.rotating ? "Inactive" : "Active" # Noncompliant {{false branch of a condition that is unknown}}
}

# for_each: one key per service user.
resource "aws_iam_access_key" "service" { # Noncompliant 2
  for_each = aws_iam_user.service
  user     = each.value.name
}

# count with a status per instance: only [0] is active.
resource "aws_iam_access_key" "pair" {
  count  = 2
  user   = "pair"
  status = count.index == 0 ? "Active" : "Inactive" # Noncompliant {{aws_iam_access_key.pair[0]}}
}

# Compliant: count is 0.
resource "aws_iam_access_key" "disabled" {
  count = 0
  user  = aws_iam_user.ci.name
}

# The user is unknown (variable without value): the key is still created.
resource "aws_iam_access_key" "unknown_user" { # Noncompliant {{a user whose name is not known}}
  user = var.vendor_user
}

# Creates a user and its key (reported in the module).
module "exporter" {
  source = "./modules/service-user"
  name   = "exporter"
}

# Compliant: override.auto.tfvars sets "Inactive" after terraform.tfvars set "Active".
resource "aws_iam_access_key" "batch" {
  user   = aws_iam_user.ci.name
  status = var.batch_key_status
}
