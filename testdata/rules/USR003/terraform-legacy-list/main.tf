# USR003 - Terraform 0.11 flattened a list written around a splat: every user is a member
# (compliant). A user that the membership does not name is reported.
resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_user" "operator" {
  count = 2
  name  = "${element(list("nina", "omar"), count.index)}"
}

resource "aws_iam_group_membership" "ops" {
  name  = "ops-members"
  group = "${aws_iam_group.ops.name}"
  users = ["${aws_iam_user.operator.*.name}"]
}

resource "aws_iam_user" "visitor" { # Noncompliant {{User "pia" (aws_iam_user.visitor) belongs to no group}}
  name = "pia"
}
