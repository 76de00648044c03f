# PWD001 - console users (aws_iam_user_login_profile) and no aws_iam_account_password_policy
# anywhere in the module: one finding for the whole scan, at the first login profile that exists.

variable "console_users" {
  type    = set(string)
  default = ["alice", "bob"]
}

# Not a console user: count = 0 creates no login profile.
resource "aws_iam_user_login_profile" "disabled" {
  count                   = 0
  user                    = "nobody"
  pgp_key                 = "keybase:security"
  password_reset_required = true
}

resource "aws_iam_user" "people" {
  for_each = var.console_users
  name     = each.key
}

# The first login profile: two instances (for_each), still one finding per scan.
resource "aws_iam_user_login_profile" "people" { # Noncompliant {{add aws_iam_account_password_policy}}
  for_each                = aws_iam_user.people
  user                    = each.value.name
  pgp_key                 = "keybase:security"
  password_reset_required = true
}
