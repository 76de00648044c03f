# KEY005 regression - an Inactive key of a console user. rules.md: "A user has both a login profile and
# an access key" (CIS 1.11), whatever the status: an Inactive key can be activated later with
# one API call. An early build skipped keys created Inactive.

resource "aws_iam_user" "erin" {
  name = "erin"
}

resource "aws_iam_user_login_profile" "erin" {
  user    = aws_iam_user.erin.name
  pgp_key = "keybase:erin"
}

resource "aws_iam_access_key" "erin" { # Noncompliant
  user    = aws_iam_user.erin.name
  status  = "Inactive"
  pgp_key = "keybase:erin"
}
