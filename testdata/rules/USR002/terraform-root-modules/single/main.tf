# The only root module that declares user "release-bot": another root module that names it
# means this user.
resource "aws_iam_user" "release" {
  name = "release-bot"
}
