# USR003 - a user that belongs to no group, considering every membership form in the scan.

resource "aws_iam_group" "developers" {
  name = "developers"
}

# Groups are not judged by this rule.
resource "aws_iam_group" "auditors" {
  name = "auditors"
}

resource "aws_iam_user" "standalone" { # Noncompliant {{User "standalone" (aws_iam_user.standalone) belongs to no group}}
  name = "standalone"
}

# Compliant: member of two groups through aws_iam_user_group_membership.
resource "aws_iam_user" "lead" {
  name = "lead"
}

# Puts lead in two groups.
resource "aws_iam_user_group_membership" "lead" {
  user   = aws_iam_user.lead.name
  groups = [aws_iam_group.developers.name, aws_iam_group.auditors.name]
}

# One user per developer; carol is in no group (see terraform.tfvars).
resource "aws_iam_user" "dev" { # Noncompliant {{"carol"}}
  for_each = var.developers
  name     = each.value
}

# Compliant for alice and bob: aws_iam_group_membership lists them.
resource "aws_iam_group_membership" "developers" {
  name  = "developers"
  group = aws_iam_group.developers.name
  users = [for name in var.grouped_developers : aws_iam_user.dev[name].name]
}

# count: both instances are left out of every group.
resource "aws_iam_user" "bot" { # Noncompliant 2
  count = 2
  name  = "bot-${count.index}"
}

# The membership is not created (create_auditor_membership is false in terraform.tfvars).
resource "aws_iam_user" "auditor" { # Noncompliant {{"auditor"}}
  name = "auditor"
}

# count = 0 (terraform.tfvars): no membership.
resource "aws_iam_user_group_membership" "auditor" {
  count  = var.create_auditor_membership ? 1 : 0
  user   = aws_iam_user.auditor.name
  groups = [aws_iam_group.auditors.name]
}

# Compliant: the membership names the user by its literal name, in another resource.
resource "aws_iam_user" "ops" {
  name = "ops"
}

# Names the user "ops" by its literal name.
resource "aws_iam_user_group_membership" "ops_by_name" {
  user   = "ops"
  groups = [module.team.group_name]
}

# Two members in a group (compliant) and one user without group (reported in the module).
module "team" {
  source  = "./modules/team"
  members = ["erin", "frank"]
  loner   = "dana"
}
