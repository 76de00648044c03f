# ADM006 - iam:PassRole allowed on all resources without an iam:PassedToService condition, in
# Terraform identity policies (jsonencode, heredoc, aws_iam_policy_document, inline policies).
# Reported at the action value that grants iam:PassRole.

resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "PassAny"
        Effect   = "Allow"
        Action   = ["ec2:RunInstances", "iam:PassRole"] # Noncompliant {{(through "iam:PassRole", statement "PassAny")}}
        Resource = "*"
      },
      {
        # Compliant: iam:PassedToService.
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "*"
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
      {
        # Compliant: only the roles of one path.
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::123456789012:role/service/*"
      },
    ]
  })
}

# Resource from a variable default "*" (reported at the action); from terraform.tfvars, scoped
# to one role (compliant).
resource "aws_iam_role_policy" "from_variables" {
  name = "from-variables"
  role = "builder"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:Pass*", Resource = var.default_resource }, # Noncompliant
      { Effect = "Allow", Action = "iam:PassRole", Resource = var.scoped_resource },
    ]
  })
}

# Compliant: the resource comes from a variable without value (unknown).
resource "aws_iam_role_policy" "unknown_resource" {
  name = "unknown-resource"
  role = "builder"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = var.external_resource }]
  })
}

# A heredoc on a user; the ARN wildcard arn:aws:*:*:*:* is all resources.
resource "aws_iam_user_policy" "heredoc" {
  name   = "heredoc"
  user   = "ops"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "iam:*",
        "Resource": "arn:aws:*:*:*:*"
      }]
    }
  JSON
  # Noncompliant@-5 {{through "iam:*"}}
}

# A group policy with "*" and another condition (does not restrict the role passed).
resource "aws_iam_group_policy" "admins" {
  name  = "admins"
  group = "admins"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*" # Noncompliant
      Resource  = "*"
      Condition = { Bool = { "aws:SecureTransport" = "true" } }
    }]
  })
}

# for_each: each policy instance is reported, where the local is used (the message names it).
resource "aws_iam_policy" "per_team" {
  for_each = toset(["data", "web"])
  name     = "${each.key}-pass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = local.pass_actions # Noncompliant 2 {{from local.pass_actions}}
      Resource = "*"
    }]
  })
}

# A role's inline_policy block with NotResource; a Deny is not reported, and one that applies
# only under a condition takes nothing away.
resource "aws_iam_role" "builder" {
  name = "builder"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "build"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        { Effect = "Allow", Action = "iam:PassRole", NotResource = "arn:aws:iam::123456789012:role/admin" }, # Noncompliant
        { Effect = "Deny", Action = "iam:PassRole", Resource = "*", Condition = { Bool = { "aws:SecureTransport" = "false" } } },
      ]
    })
  }
}

locals {
  pass_actions = "iam:PassRole"
}

variable "default_resource" {
  type    = string
  default = "*"
}

variable "external_resource" {
  type = string
}

variable "scoped_resource" {
  type    = string
  default = "*"
}
