# Two scenarios, each its own root module: a user whose name is not known is its own user,
# never merged with the user of the same address in the other root module.
provider "aws" {
  region = "eu-west-1"
}

variable "id" {
  type = string
}

resource "aws_iam_user" "u" {
  name = "user-a-${var.id}"
}

resource "aws_iam_access_key" "key_a" {
  user    = aws_iam_user.u.name
  pgp_key = "keybase:ops"
}
