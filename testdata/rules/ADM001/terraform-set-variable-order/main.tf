# ADM001 - a variable declared as a set holds its elements in Terraform's set order (strings
# sorted), whatever order its default or its caller writes them in: the first of a set written
# ["zed", "amy"] is "amy".

provider "aws" {
  region = "us-east-1"
}

variable "names" {
  type    = set(string)
  default = ["zed", "amy"]
}

variable "teams" {
  type = object({
    members = set(string)
  })
  default = {
    members = ["zoe", "bea"]
  }
}

resource "aws_iam_user" "u" {
  for_each = setunion(var.names, var.teams.members)
  name     = each.key
}

resource "aws_iam_group" "g" {
  name = "g"
}

resource "aws_iam_user_group_membership" "m" {
  for_each = setunion(var.names, var.teams.members)
  user     = aws_iam_user.u[each.key].name
  groups   = [aws_iam_group.g.name]
}

resource "aws_iam_user_policy_attachment" "first" {
  user       = tolist(var.names)[0]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to user "amy"}}
}

resource "aws_iam_user_policy_attachment" "lead" {
  user       = tolist(var.teams.members)[0]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to user "bea"}}
}
