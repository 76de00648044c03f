# for_each users; only those in var.console_users get a login profile (in this file), and every
# user gets a key (in keys.tf). The key of "carol" (console) is reported, "deploy" is not.
resource "aws_iam_user" "people" {
  for_each = toset(["carol", "deploy"])
  name     = each.key
}

resource "aws_iam_user_login_profile" "people" {
  for_each = toset(var.console_users)
  user     = aws_iam_user.people[each.key].name
  pgp_key  = "keybase:security"
}

variable "console_users" {
  type    = list(string)
  default = ["carol"]
}
