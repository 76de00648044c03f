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

# compliant: every action on every S3 resource reaches no instance, no role (found on a public
# repository: Systems Manager's shell and commands were said to be open)
resource "aws_iam_policy" "all_of_s3" {
  name = "all-of-s3"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::*" }]
  })
}

data "aws_region" "current" {}

# compliant: Systems Manager on parameters only, in a region known at plan (found on a public
# repository: the ARN's unknown region made its service and type unknown too)
resource "aws_iam_policy" "parameters" {
  name = "parameters"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:*", Resource = "arn:aws:ssm:${data.aws_region.current.name}:111122223333:parameter/*" }]
  })
}
