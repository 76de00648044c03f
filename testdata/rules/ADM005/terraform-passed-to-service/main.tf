# ADM005 - an iam:PassedToService condition limits which service a role may be handed to, not
# which role: passing any role to EC2 together with ec2:RunInstances is still the launch path
# (reported). Passing only to Lambda opens no EC2 path, and a condition on another key keeps the
# grant restricted (compliant).

resource "aws_iam_role" "launcher" {
  name = "launcher"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "launcher" {
  name = "launch"
  role = aws_iam_role.launcher.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "iam:PassRole" # Noncompliant {{launch an instance with a privileged role's instance profile}}
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com" } }
      },
      { Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" },
    ]
  })
}

resource "aws_iam_role" "deployer" {
  name = "deployer"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "deployer" {
  name = "deploy"
  role = aws_iam_role.deployer.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "lambda.amazonaws.com" } }
      },
      {
        Effect    = "Allow"
        Action    = "iam:PassRole"
        Resource  = "*"
        Condition = { StringEquals = { "iam:PassedToService" = "ec2.amazonaws.com", "aws:ResourceTag/team" = "web" } }
      },
      { Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" },
    ]
  })
}
