# KEY004 - more than one active access key for the same user (the user it resolves to, not the
# text written), reported at each active key.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci_a" { # Noncompliant {{(aws_iam_access_key.ci_a, aws_iam_access_key.ci_b)}}
  user = aws_iam_user.ci.name
}

# The same user, named by its literal name.
resource "aws_iam_access_key" "ci_b" { # Noncompliant {{User "ci" has 2 active access keys}}
  user   = "ci"
  status = "Active"
}

# count: two keys for the same user.
resource "aws_iam_access_key" "batch" { # Noncompliant 2 {{User "batch" has 2 active access keys}}
  count = 2
  user  = "batch"
}

# Undeclared user names differing only in case are the same IAM user.
resource "aws_iam_access_key" "deployer_lower" { # Noncompliant
  user = "deployer"
}

resource "aws_iam_access_key" "deployer_upper" { # Noncompliant {{has 2 active access keys}}
  user = "Deployer"
}

# Compliant: one active key, the other inactive.
resource "aws_iam_user" "ops" {
  name = "ops"
}

# Compliant: the only active key of ops.
resource "aws_iam_access_key" "ops_current" {
  user = aws_iam_user.ops.name
}

# Compliant: inactive.
resource "aws_iam_access_key" "ops_previous" {
  user   = aws_iam_user.ops.name
  status = "Inactive"
}

# Compliant: the previous key is made inactive by terraform.tfvars.
resource "aws_iam_access_key" "ops_rotated" {
  user   = "ops-rotated"
  status = "Active"
}

# Compliant: inactive (terraform.tfvars).
resource "aws_iam_access_key" "ops_rotated_previous" {
  user   = "ops-rotated"
  status = var.previous_key_status
}

# Compliant: the second key's status is unknown.
resource "aws_iam_access_key" "standby_current" {
  user = "standby"
}

# Compliant: status unknown, not certainly active.
resource "aws_iam_access_key" "standby_spare" {
  user   = "standby"
  status = var.standby_status
}

# Compliant: one key per user (for_each over two users).
resource "aws_iam_access_key" "per_user" {
  for_each = toset(["alpha", "beta"])
  user     = each.key
}

# Compliant: the user of the second key is unknown, it is left out.
resource "aws_iam_access_key" "vendor_a" {
  user = "vendor"
}

# Compliant: user unknown, left out.
resource "aws_iam_access_key" "vendor_b" {
  user = var.vendor_user
}

# One key here, one in the child module, for the same user.
resource "aws_iam_user" "reporter" {
  name = "reporter"
}

resource "aws_iam_access_key" "reporter" { # Noncompliant {{module.rotation.aws_iam_access_key.next}}
  user = aws_iam_user.reporter.name
}

# Creates the second key of reporter (reported in the module).
module "rotation" {
  source = "./modules/rotation"
  user   = aws_iam_user.reporter.name
}
