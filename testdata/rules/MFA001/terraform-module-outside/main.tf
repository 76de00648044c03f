# MFA001 - a group handed to a module whose source is not in the scan (a registry module that
# attaches an MFA policy to the groups it is given): its members' policies are not all known,
# so a missing MFA policy is not certain. A console user whose group is not handed to it is
# reported.

resource "aws_iam_group" "staff" {
  name = "staff"
}

resource "aws_iam_user" "hana" {
  name = "hana"
}

resource "aws_iam_user_login_profile" "hana" {
  user    = aws_iam_user.hana.name
  pgp_key = "keybase:ops"
}

resource "aws_iam_user_group_membership" "hana" {
  user   = aws_iam_user.hana.name
  groups = [aws_iam_group.staff.name]
}

module "enforce_mfa" {
  source  = "acme/enforce-mfa/aws"
  version = "1.4.0"
  groups  = [aws_iam_group.staff.name]
}

resource "aws_iam_group" "contractors" {
  name = "contractors"
}

resource "aws_iam_user" "ivo" {
  name = "ivo"
}

resource "aws_iam_user_login_profile" "ivo" { # Noncompliant {{User "ivo" (aws_iam_user.ivo) can sign in to the console, but it has no policy that denies access without MFA}}
  user    = aws_iam_user.ivo.name
  pgp_key = "keybase:ops"
}

resource "aws_iam_user_group_membership" "ivo" {
  user   = aws_iam_user.ivo.name
  groups = [aws_iam_group.contractors.name]
}
