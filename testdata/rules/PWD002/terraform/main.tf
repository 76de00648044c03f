# PWD002 - minimum_password_length below 14 (missing = AWS default 8) and generated initial
# console passwords (aws_iam_user_login_profile.password_length) below 14. Values are evaluated
# first: variables, terraform.tfvars, locals, conditionals, count.

# Missing: AWS requires only 8 characters; reported at the resource.
resource "aws_iam_account_password_policy" "default_length" { # Noncompliant {{does not set minimum_password_length (AWS default 8)}}
  require_symbols           = true
  password_reuse_prevention = 24
}

# null is the same as missing.
resource "aws_iam_account_password_policy" "null_length" { # Noncompliant
  minimum_password_length = null
}

resource "aws_iam_account_password_policy" "eight" {
  minimum_password_length = 8 # Noncompliant {{allows passwords of 8 characters}}
}

# A string number counts as the number.
resource "aws_iam_account_password_policy" "string_twelve" {
  minimum_password_length = "12" # Noncompliant
}

# Compliant: exactly 14, and "20" as a string.
resource "aws_iam_account_password_policy" "fourteen" {
  minimum_password_length = 14
}

resource "aws_iam_account_password_policy" "string_twenty" {
  minimum_password_length = "20"
}

# Default of a variable (10): reported at the use, naming the variable.
resource "aws_iam_account_password_policy" "from_default" {
  minimum_password_length = var.legacy_min_length # Noncompliant {{default of variable legacy_min_length}}
}

# Default 14, but terraform.tfvars sets 12.
resource "aws_iam_account_password_policy" "from_tfvars" {
  minimum_password_length = var.min_length # Noncompliant
}

# Only terraform.tfvars knows this variable (partial checkout): its value 9 counts.
resource "aws_iam_account_password_policy" "tfvars_only" {
  minimum_password_length = var.undeclared_min_length # Noncompliant
}

# Compliant: a variable without any value is unknown, never a certain finding.
resource "aws_iam_account_password_policy" "unknown" {
  minimum_password_length = var.external_min_length
}

# Compliant: default 8, but terraform.tfvars raises it to 16.
resource "aws_iam_account_password_policy" "raised_by_tfvars" {
  minimum_password_length = var.raised_min_length
}

# A condition on an unknown variable: the short branch is reported.
resource "aws_iam_account_password_policy" "conditional" {
  minimum_password_length = var.strict ? 14 : 8 # Noncompliant {{false branch}}
}

# Compliant: both branches are long enough.
resource "aws_iam_account_password_policy" "conditional_ok" {
  minimum_password_length = var.strict ? 20 : 14
}

# From a local (locals.tf); reported at the use.
resource "aws_iam_account_password_policy" "from_local" {
  minimum_password_length = local.password.min_length # Noncompliant
}

# count: only instance [1] is short.
resource "aws_iam_account_password_policy" "pair" {
  count                   = 2
  minimum_password_length = count.index == 0 ? 14 : 10 # Noncompliant {{allows passwords of 10 characters}}
}
