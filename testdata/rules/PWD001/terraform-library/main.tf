# A reusable module that creates console users: the account it is deployed into owns the
# password policy, not the module.
variable "users" {
  type    = set(string)
  default = ["alice"]
}

resource "aws_iam_user" "this" {
  for_each = var.users
  name     = each.key
}

resource "aws_iam_user_login_profile" "this" {
  for_each                = var.users
  user                    = aws_iam_user.this[each.key].name
  pgp_key                 = "keybase:security"
  password_reset_required = true
}
