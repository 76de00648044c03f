resource "aws_iam_group" "administrators" { # Noncompliant {{This account baseline has no AWS Config rule IAM_USER_UNUSED_CREDENTIALS_CHECK}}
  name = "administrators"
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length   = 14
  password_reuse_prevention = 24
}
