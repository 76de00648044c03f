# Code for part of the account: the roles it lacks are reported by REV007.
resource "aws_iam_user" "users" {
  for_each = toset(["olddev", "nearly", "carol", "builder", "deployer"])
  name     = each.key
}

resource "aws_iam_group" "people" {
  name = "people"
}

resource "aws_iam_group" "ci_bots" {
  name = "ci-bots"
}

resource "aws_iam_role" "open_to_all" {
  name               = "open-to-all"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "github_any_repo" {
  name               = "github-any-repo"
  assume_role_policy = "{}"
}
