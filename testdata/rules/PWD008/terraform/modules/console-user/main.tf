variable "name" {
  type = string
}

variable "reset" {
  type    = bool
  default = false
}

# The user of the login profile below.
resource "aws_iam_user" "this" {
  name = var.name
}

# module.carol keeps the default false, module.dave passes true (compliant).
resource "aws_iam_user_login_profile" "this" {
  user                    = aws_iam_user.this.name
  pgp_key                 = "keybase:${var.name}"
  password_reset_required = var.reset # Noncompliant {{user "carol"}}
}
