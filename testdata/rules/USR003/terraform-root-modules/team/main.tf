# The user of this root module is in a group; its name is only partly known (path.cwd).
# Regression: the membership's reference to module.u.aws_iam_user.this also matched the user of
# the other root module, which has the same address, so solo-user was not reported.
provider "aws" {
  region = "eu-west-1"
}

locals {
  name = "team-${basename(path.cwd)}"
}

module "u" {
  source = "../modules/user"
  name   = "${local.name}-user"
}

resource "aws_iam_group" "team" {
  name = "team"
}

resource "aws_iam_group_membership" "team" {
  name  = "team"
  group = aws_iam_group.team.name
  users = [module.u.name]
}
