# PWD005 regression - message. A count written as a string number is reported (it is read as a number)
# but shown with its quotes: 'remembers only "10" previous passwords'. It should read "only 10".

resource "aws_iam_account_password_policy" "string_reuse" {
  password_reuse_prevention = "10" # Noncompliant {{remembers only 10 previous passwords}}
}
