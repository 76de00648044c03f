# The code that defines the healthy account's identities (REV007 compares the account with it).
resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user" "build_bot" {
  name = "build-bot"
}

resource "aws_iam_group" "people" {
  name = "people"
}

resource "aws_iam_group" "ci_bots" {
  name = "ci-bots"
}

resource "aws_iam_role" "github_deploy" {
  name               = "github-deploy"
  assume_role_policy = "{}"
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = "{}"
}

resource "aws_iam_policy" "deploy_artifacts" {
  name   = "deploy-artifacts"
  policy = "{}"
}
