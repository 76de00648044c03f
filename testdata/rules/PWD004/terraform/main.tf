# PWD004 - max_password_age missing (passwords never expire; reported at the resource), 0 (never
# expire; reported at the value) or greater than 90 (reported at the value).

resource "aws_iam_account_password_policy" "missing" { # Noncompliant {{does not set max_password_age: passwords never expire}}
  minimum_password_length = 14
  hard_expiry             = true # not judged: it does not make passwords expire
}

resource "aws_iam_account_password_policy" "null_age" { # Noncompliant
  max_password_age = null
}

resource "aws_iam_account_password_policy" "never" {
  max_password_age = 0 # Noncompliant {{(never expire)}}
}

resource "aws_iam_account_password_policy" "string_zero" {
  max_password_age = "0" # Noncompliant
}

resource "aws_iam_account_password_policy" "yearly" {
  max_password_age = 365 # Noncompliant {{sets max_password_age to 365}}
}

# One day over the limit, as a string.
resource "aws_iam_account_password_policy" "ninety_one" {
  max_password_age = "91" # Noncompliant
}

# Compliant: exactly 90, 30, "60", and 1.
resource "aws_iam_account_password_policy" "ninety" {
  max_password_age = 90
}

resource "aws_iam_account_password_policy" "thirty" {
  max_password_age = 30
}

resource "aws_iam_account_password_policy" "string_sixty" {
  max_password_age = "60"
}

resource "aws_iam_account_password_policy" "daily" {
  max_password_age = 1
}

# A variable default of 180, reported at the use.
resource "aws_iam_account_password_policy" "from_default" {
  max_password_age = var.rotation_days # Noncompliant {{default of variable rotation_days}}
}

# Default 90, terraform.tfvars sets 0.
resource "aws_iam_account_password_policy" "from_tfvars" {
  max_password_age = var.env_rotation_days # Noncompliant
}

# Compliant: no value at all (unknown), and a default of 400 lowered to 45 by terraform.tfvars.
resource "aws_iam_account_password_policy" "unknown" {
  max_password_age = var.external_rotation_days
}

resource "aws_iam_account_password_policy" "lowered" {
  max_password_age = var.lowered_rotation_days
}

# A conditional on an unknown variable: the 0 branch is reported; two compliant branches are not.
resource "aws_iam_account_password_policy" "conditional" {
  max_password_age = var.expire ? 90 : 0 # Noncompliant {{false branch}}
}

resource "aws_iam_account_password_policy" "conditional_ok" {
  max_password_age = var.expire ? 60 : 90
}

# count: instance [1] gets 120 days.
resource "aws_iam_account_password_policy" "pair" {
  count            = 2
  max_password_age = count.index == 0 ? 90 : 120 # Noncompliant
}

# A local (reported at the use).
resource "aws_iam_account_password_policy" "from_local" {
  max_password_age = local.max_age # Noncompliant
}

locals {
  max_age = 100
}
