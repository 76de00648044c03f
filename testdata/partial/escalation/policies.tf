resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.escalation_actions
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "passer" {
  name = "passer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["iam:PassRole"], Resource = "*" },
      { Effect = "Allow", Action = ["ec2:RunInstances"], Resource = "*" },
    ]
  })
}

resource "aws_iam_policy" "hopper" {
  name = "hopper"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]
  })
}
