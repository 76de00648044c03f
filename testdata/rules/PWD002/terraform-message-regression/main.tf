# PWD002 regression - message. A length written as a string number is shown with its quotes:
# 'allows passwords of "12" characters', 'is generated with "12" characters'. The value is
# read as the number 12 (it is reported); the message should say 12 characters.

resource "aws_iam_account_password_policy" "string_twelve" {
  minimum_password_length = "12" # Noncompliant {{allows passwords of 12 characters}}
}

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user            = aws_iam_user.alice.name
  pgp_key         = "keybase:alice"
  password_length = "12" # Noncompliant {{is generated with 12 characters}}
}
