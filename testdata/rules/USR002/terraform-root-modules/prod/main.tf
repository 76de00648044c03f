# One of two root modules that each declare user "ci-bot": two accounts (an IAM name is unique
# in one), so a third root module that names "ci-bot" may mean either, or a user of its own account.
resource "aws_iam_user" "ci" {
  name = "ci-bot"
}
