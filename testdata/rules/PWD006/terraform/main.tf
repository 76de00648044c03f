# PWD006 - allow_users_to_change_password = false (the string "false" too), reported at the value.
# A missing attribute is not reported: the AWS provider then sets it to true.

# Compliant: missing (provider default true), null (same as missing), true, "true".
resource "aws_iam_account_password_policy" "missing" {
  minimum_password_length = 14
}

resource "aws_iam_account_password_policy" "null_setting" {
  allow_users_to_change_password = null
}

resource "aws_iam_account_password_policy" "allowed" {
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "allowed_string" {
  allow_users_to_change_password = "true"
}

resource "aws_iam_account_password_policy" "disallowed" {
  allow_users_to_change_password = false # Noncompliant {{does not let users change their own password}}
}

resource "aws_iam_account_password_policy" "disallowed_string" {
  allow_users_to_change_password = "false" # Noncompliant
}

# A variable default false, reported at the use.
resource "aws_iam_account_password_policy" "from_default" {
  allow_users_to_change_password = var.self_service # Noncompliant {{default of variable self_service}}
}

# Default true, terraform.tfvars sets false.
resource "aws_iam_account_password_policy" "from_tfvars" {
  allow_users_to_change_password = var.env_self_service # Noncompliant
}

# Compliant: no value (unknown); default false but tfvars sets true.
resource "aws_iam_account_password_policy" "unknown" {
  allow_users_to_change_password = var.external_self_service
}

resource "aws_iam_account_password_policy" "enabled_by_tfvars" {
  allow_users_to_change_password = var.enabled_self_service
}

# A conditional on an unknown variable: the false branch is reported.
resource "aws_iam_account_password_policy" "conditional" {
  allow_users_to_change_password = var.locked_down ? false : true # Noncompliant {{true branch}}
}

# A local (reported at the use).
resource "aws_iam_account_password_policy" "from_local" {
  allow_users_to_change_password = local.self_service # Noncompliant
}

# count: instance [0] disallows.
resource "aws_iam_account_password_policy" "pair" {
  count                          = 2
  allow_users_to_change_password = count.index > 0 # Noncompliant
}

locals {
  self_service = "false"
}
