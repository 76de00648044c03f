# TRUST001 gaps - Terraform trust policies with an unknown part.

# 1. A conditional principal on an unknown variable. rules.md: values are judged on each branch
#    of a conditional; the "*" branch leaves the role open to everyone (the same shape with
#    CloudFormation Fn::If is reported). an early build reports nothing.
resource "aws_iam_role" "maybe_public" {
  name = "maybe-public"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.public ? "*" : "arn:aws:iam::111122223333:root" } # Noncompliant
      Action    = "sts:AssumeRole"
    }]
  })
}

# 2. A fully known open statement next to a statement with an unknown principal: the unknown
#    value makes the whole jsonencode() document unknown, so the open statement is not reported.
#    rules.md: "A principal or condition that cannot be resolved never gives a certain finding"
#    is about that principal, not about the other statements.
resource "aws_iam_role" "partly_unknown" {
  name = "partly-unknown"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = "*", Action = "sts:AssumeRole" }, # Noncompliant
      { Effect = "Allow", Principal = { AWS = var.ci_role_arn }, Action = "sts:AssumeRole" },
    ]
  })
}

variable "public" {
  type = bool
}

variable "ci_role_arn" {
  type = string
}
