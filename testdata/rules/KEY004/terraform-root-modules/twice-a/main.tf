# Two root modules that each declare user "release-bot" cannot both apply in one account: they
# deploy to two accounts, so each user has one key.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_user" "release" {
  name = "release-bot"
}

resource "aws_iam_access_key" "key" {
  user    = aws_iam_user.release.name
  pgp_key = "keybase:ops"
}
