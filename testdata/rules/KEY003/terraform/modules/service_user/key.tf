variable "name" {
  type = string
}

variable "pgp_key" {
  type    = string
  default = null
}

resource "aws_iam_user" "this" {
  name = var.name
}

# pgp_key = null when the caller passes none (module.reports_user).
resource "aws_iam_access_key" "this" { # Noncompliant {{module.reports_user.aws_iam_access_key.this}}
  user    = aws_iam_user.this.name
  pgp_key = var.pgp_key
}
