# PWD004 regression - message. An age written as a string number is reported (it is read as a number)
# but shown with its quotes: 'sets max_password_age to "120"'. It should read "to 120".

resource "aws_iam_account_password_policy" "string_age" {
  max_password_age = "120" # Noncompliant {{sets max_password_age to 120:}}
}
