# Two root modules give the same user a key each: IAM names are unique per account, and
# the other root module names this user without declaring it.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_user" "deployer" {
  name = "ci-deployer"
}

resource "aws_iam_access_key" "key" { # Noncompliant {{"ci-deployer" has 2 active access keys}}
  user    = aws_iam_user.deployer.name
  pgp_key = "keybase:ops"
}
