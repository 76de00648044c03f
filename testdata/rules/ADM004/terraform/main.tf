locals {
  admin_actions = ["iam:*"]
}

resource "aws_iam_policy" "identity" {
  name = "identity"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = local.admin_actions, Resource = "*" }, # Noncompliant {{every iam action}}
      # compliant: read actions only
      { Effect = "Allow", Action = ["iam:Get*", "iam:List*"], Resource = "*" },
    ]
  })
}

data "aws_iam_policy_document" "queues" {
  statement {
    actions   = ["sqs:*"] # Noncompliant
    resources = ["arn:aws:sqs:*:*:*"]
  }
  # compliant: one queue
  statement {
    actions   = ["sqs:*"]
    resources = ["arn:aws:sqs:eu-west-1:111122223333:jobs"]
  }
}

resource "aws_iam_role_policy" "queues" {
  role   = "worker"
  policy = data.aws_iam_policy_document.queues.json
}
