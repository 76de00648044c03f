variable "members" {
  type = list(string)
}

variable "loner" {
  type = string
}

# Groups are not judged by this rule.
resource "aws_iam_group" "this" {
  name = "team"
}

# Compliant: every member joins the team group (below).
resource "aws_iam_user" "member" {
  count = length(var.members)
  name  = var.members[count.index]
}

# Compliant: every member joins the team group.
resource "aws_iam_group_membership" "this" {
  name  = "team"
  group = aws_iam_group.this.name
  users = aws_iam_user.member[*].name
}

resource "aws_iam_user" "loner" { # Noncompliant {{User "dana" (module.team.aws_iam_user.loner) belongs to no group}}
  name = var.loner
}

output "group_name" {
  value = aws_iam_group.this.name
}
