# ADM004 - the shape of a Session Manager policy (channels only, compliant) and a statement that
# mixes a channel with a data service (reported at the data service).

data "aws_iam_policy_document" "session_manager" {
  statement {
    actions = [
      "ssmmessages:*",
      "ec2messages:*",
      "ssm:UpdateInstanceInformation",
    ]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "session_manager" {
  name   = "session-manager"
  policy = data.aws_iam_policy_document.session_manager.json
}

resource "aws_iam_policy" "mixed" {
  name = "mixed"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "ec2messages:*",
        "rds:*", # Noncompliant {{every rds action ("rds:*")}}
      ]
      Resource = "*"
    }]
  })
}
