resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}

resource "aws_iam_user" "bob" {
  name = "bob"
}

resource "aws_iam_user_policy" "bob" {
  name = "assume-anything"
  user = aws_iam_user.bob.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}
