# A second key that may not be created (count not known) makes no certain pair.
variable "rotate" {
  type = bool
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "current" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ops"
}

resource "aws_iam_access_key" "next" {
  count   = var.rotate ? 1 : 0
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:ops"
}
