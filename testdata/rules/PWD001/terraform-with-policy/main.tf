# PWD001 - compliant: the module defines an account password policy (in another file). Only
# presence matters here; its weak settings are judged by PWD002-PWD006.

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}
