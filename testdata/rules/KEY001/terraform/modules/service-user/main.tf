variable "name" {
  type = string
}

# The user of the key below.
resource "aws_iam_user" "this" {
  name = var.name
}

# Called once (module.exporter); status missing means Active.
resource "aws_iam_access_key" "this" { # Noncompliant {{user "exporter" (module.exporter.aws_iam_user.this)}}
  user    = aws_iam_user.this.name
  pgp_key = "keybase:exporter"
}
