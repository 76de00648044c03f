# PWD005 - password_reuse_prevention missing (no previous password is remembered; reported at
# the resource) or below 24, the highest value AWS accepts (reported at the value).

resource "aws_iam_account_password_policy" "missing" { # Noncompliant {{does not set password_reuse_prevention}}
  minimum_password_length = 14
  max_password_age        = 90
}

resource "aws_iam_account_password_policy" "null_reuse" { # Noncompliant
  password_reuse_prevention = null
}

resource "aws_iam_account_password_policy" "five" {
  password_reuse_prevention = 5 # Noncompliant {{remembers only 5 previous passwords}}
}

# One below the maximum, as a string number.
resource "aws_iam_account_password_policy" "string_twenty_three" {
  password_reuse_prevention = "23" # Noncompliant
}

# Compliant: 24, and "24" as a string.
resource "aws_iam_account_password_policy" "full" {
  password_reuse_prevention = 24
}

resource "aws_iam_account_password_policy" "string_full" {
  password_reuse_prevention = "24"
}

# A default of 12, reported at the use.
resource "aws_iam_account_password_policy" "from_default" {
  password_reuse_prevention = var.remembered # Noncompliant {{default of variable remembered}}
}

# Default 24, terraform.tfvars sets 10.
resource "aws_iam_account_password_policy" "from_tfvars" {
  password_reuse_prevention = var.env_remembered # Noncompliant {{terraform.tfvars}}
}

# Compliant: a variable without value (unknown), and a default of 3 raised to 24 by tfvars.
resource "aws_iam_account_password_policy" "unknown" {
  password_reuse_prevention = var.external_remembered
}

resource "aws_iam_account_password_policy" "raised" {
  password_reuse_prevention = var.raised_remembered
}

# A conditional on an unknown variable: the short branch is reported.
resource "aws_iam_account_password_policy" "conditional" {
  password_reuse_prevention = var.strict ? 24 : 6 # Noncompliant
}

# A local, and a lookup in a map local (reported at the use).
resource "aws_iam_account_password_policy" "from_local" {
  password_reuse_prevention = local.reuse["legacy"] # Noncompliant
}

resource "aws_iam_account_password_policy" "from_local_ok" {
  password_reuse_prevention = local.reuse["current"]
}

# for_each: only "sandbox" remembers too few.
resource "aws_iam_account_password_policy" "per_account" {
  for_each                  = { production = 24, sandbox = 1 }
  password_reuse_prevention = each.value # Noncompliant
}

locals {
  reuse = {
    current = 24
    legacy  = 3
  }
}
