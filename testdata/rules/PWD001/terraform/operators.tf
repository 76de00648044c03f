# A second file with another console user: no second finding.
resource "aws_iam_user" "operator" {
  name = "operator"
}

resource "aws_iam_user_login_profile" "operator" {
  user    = aws_iam_user.operator.name
  pgp_key = "keybase:security"
}
