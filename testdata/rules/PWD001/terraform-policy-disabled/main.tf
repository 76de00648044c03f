# PWD001 - the password policy is declared but switched off in terraform.tfvars (count = 0):
# no policy is created, so the console user is reported.

variable "manage_password_policy" {
  type    = bool
  default = true
}

resource "aws_iam_account_password_policy" "strict" {
  count                          = var.manage_password_policy ? 1 : 0
  minimum_password_length        = 14
  require_uppercase_characters   = true
  require_lowercase_characters   = true
  require_numbers                = true
  require_symbols                = true
  password_reuse_prevention      = 24
  max_password_age               = 90
  allow_users_to_change_password = true
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" { # Noncompliant {{aws_iam_user_login_profile.alice}}
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}
