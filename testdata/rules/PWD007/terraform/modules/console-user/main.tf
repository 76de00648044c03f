variable "name" {
  type = string
}

variable "pgp_key" {
  type    = string
  default = null
}

# The user of the login profile below.
resource "aws_iam_user" "this" {
  name = var.name
}

# module.carol gives no pgp_key, module.dave does (compliant).
resource "aws_iam_user_login_profile" "this" { # Noncompliant {{user "carol" (module.carol.aws_iam_user.this)}}
  user                    = aws_iam_user.this.name
  pgp_key                 = var.pgp_key
  password_reset_required = true
}
