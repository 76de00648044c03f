# USR003 - a membership whose user is unknown (a variable without value) might be any of the
# users declared here: none of them is reported.

variable "member_name" {
  type = string
}

# Groups are not judged by this rule.
resource "aws_iam_group" "staff" {
  name = "staff"
}

# Compliant: may be the user of aws_iam_user_group_membership.someone.
resource "aws_iam_user" "maybe_a" {
  name = "maybe-a"
}

# Compliant: may be the user of aws_iam_user_group_membership.someone.
resource "aws_iam_user" "maybe_b" {
  name = "maybe-b"
}

# The user is unknown: it may be either user above.
resource "aws_iam_user_group_membership" "someone" {
  user   = var.member_name
  groups = [aws_iam_group.staff.name]
}
