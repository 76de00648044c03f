# A policy attached by name to user "release-bot", declared by one other root module: that user.
resource "aws_iam_user_policy_attachment" "release" {
  user       = "release-bot"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # Noncompliant {{attached directly to user "release-bot" (aws_iam_user.release)}}
}
