# The same user name in two root modules pinned to different accounts: two users.
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["222222222222"]
}

resource "aws_iam_user" "release" {
  name = "release-bot"
}

resource "aws_iam_access_key" "key" {
  user    = aws_iam_user.release.name
  pgp_key = "keybase:ops"
}
