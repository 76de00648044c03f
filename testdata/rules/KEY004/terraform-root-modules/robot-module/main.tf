# A module that creates a user and its key, called by several root modules below: each call
# is in its own deployment, so each creates its own user (one key each).
variable "name" {
  type = string
}

resource "aws_iam_user" "this" {
  name = var.name
}

resource "aws_iam_access_key" "this" {
  user    = aws_iam_user.this.name
  pgp_key = "keybase:ops"
}
