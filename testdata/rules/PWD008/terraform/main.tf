# PWD008 - a login profile that does not force a password change at first sign-in
# (password_reset_required missing or false). Missing: reported at the resource; false: at
# the value.

resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_login_profile" "ops" { # Noncompliant {{The login profile of user "ops" (aws_iam_user.ops) does not require a password reset}}
  user    = aws_iam_user.ops.name
  pgp_key = "keybase:ops"
}

resource "aws_iam_user_login_profile" "explicit_false" {
  user                    = "explicit-false"
  pgp_key                 = "keybase:ops"
  password_reset_required = false # Noncompliant {{turns the password reset off}}
}

# A string boolean.
resource "aws_iam_user_login_profile" "string_false" {
  user                    = "string-false"
  pgp_key                 = "keybase:ops"
  password_reset_required = "false" # Noncompliant
}

# null is the same as missing.
resource "aws_iam_user_login_profile" "explicit_null" { # Noncompliant
  user                    = "explicit-null"
  pgp_key                 = "keybase:ops"
  password_reset_required = null
}

resource "aws_iam_user_login_profile" "from_default" {
  user                    = "from-default"
  pgp_key                 = "keybase:ops"
  password_reset_required = var.force_reset # Noncompliant {{default of variable force_reset}}
}

# Compliant: true.
resource "aws_iam_user_login_profile" "forced" {
  user                    = "forced"
  pgp_key                 = "keybase:ops"
  password_reset_required = true
}

# Compliant: "true" as a string.
resource "aws_iam_user_login_profile" "forced_string" {
  user                    = "forced-string"
  pgp_key                 = "keybase:ops"
  password_reset_required = "true"
}

# Compliant: terraform.tfvars sets true.
resource "aws_iam_user_login_profile" "team" {
  user                    = "team"
  pgp_key                 = "keybase:ops"
  password_reset_required = var.team_force_reset
}

# Compliant: unknown (variable without value).
resource "aws_iam_user_login_profile" "vendor" {
  user                    = "vendor"
  pgp_key                 = "keybase:ops"
  password_reset_required = var.vendor_force_reset
}

# The condition is unknown: its false branch is reported.
resource "aws_iam_user_login_profile" "maybe" {
  user                    = "maybe"
  pgp_key                 = "keybase:ops"
  password_reset_required = var.strict ? true : false # Noncompliant {{false branch of a condition that is unknown}}
}

# for_each: both instances leave it unset.
resource "aws_iam_user_login_profile" "console" { # Noncompliant 2
  for_each = toset(["alice", "bob"])
  user     = each.key
  pgp_key  = "keybase:${each.key}"
}

# count: only instance [0] sets true.
resource "aws_iam_user_login_profile" "pair" {
  count                   = 2
  user                    = "pair-${count.index}"
  pgp_key                 = "keybase:pair"
  password_reset_required = count.index == 0 # Noncompliant {{user "pair-1"}}
}

# Keeps the module's default false (reported in the module, at its use).
module "carol" {
  source = "./modules/console-user"
  name   = "carol"
}

# Compliant call: true.
module "dave" {
  source = "./modules/console-user"
  name   = "dave"
  reset  = true
}
