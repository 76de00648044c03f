# MFA001 - a Deny of every action on every resource with no condition applies without MFA too:
# a console user denied everything does nothing without MFA (a parked or offboarded user).

# Compliant: the group "parked" denies everything, with no condition.
resource "aws_iam_user" "parked" {
  name = "parked"
}

resource "aws_iam_user_login_profile" "parked" {
  user    = aws_iam_user.parked.name
  pgp_key = "keybase:parked"
}

resource "aws_iam_group" "parked" {
  name = "parked"
}

resource "aws_iam_user_group_membership" "parked" {
  user   = aws_iam_user.parked.name
  groups = [aws_iam_group.parked.name]
}

resource "aws_iam_group_policy" "parked" {
  name  = "deny-everything"
  group = aws_iam_group.parked.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}

# Near miss: a Deny with no condition that covers only some actions leaves the rest to do without MFA.
resource "aws_iam_user" "reader" {
  name = "reader"
}

resource "aws_iam_user_login_profile" "reader" { # Noncompliant {{User "reader" (aws_iam_user.reader) can sign in to the console, but none of its 2 policies denies access without MFA}}
  user    = aws_iam_user.reader.name
  pgp_key = "keybase:reader"
}

resource "aws_iam_user_policy" "reader_deny_writes" {
  user = aws_iam_user.reader.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "s3:Put*", Resource = "*" }]
  })
}

resource "aws_iam_user_policy_attachment" "reader" {
  user       = aws_iam_user.reader.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
