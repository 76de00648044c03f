# A policy attached by name to user "ci-bot", which two other root modules declare: reported, by
# the name written, never as one of those two users chosen at random.
resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

resource "aws_iam_user_policy_attachment" "deploy" {
  user       = "ci-bot"
  policy_arn = aws_iam_policy.deploy.arn # Noncompliant {{Policy aws_iam_policy.deploy is attached directly to user "ci-bot": attach it}}
}
