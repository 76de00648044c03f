# ADM005 - an action is granted only on resources of the services it acts on: "*" on the objects
# of one S3 bucket grants no IAM action, though "app-bucket/*" reads like a whole resource type.
# Near miss: the same on every IAM role.
locals {
  lambda_trust = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role" "data" {
  name               = "data"
  assume_role_policy = local.lambda_trust
}

resource "aws_iam_role_policy" "data" {
  role = aws_iam_role.data.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*"
      Resource = ["arn:aws:s3:::app-bucket/*", "arn:aws:s3:::app-bucket"]
    }]
  })
}

resource "aws_iam_role" "roles" {
  name               = "roles"
  assume_role_policy = local.lambda_trust
}

resource "aws_iam_role_policy" "roles" {
  role = aws_iam_role.roles.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "*" # Noncompliant {{Role "roles" (aws_iam_role.roles) can escalate its privileges}}
      Resource = "arn:aws:iam::*:role/*"
    }]
  })
}
