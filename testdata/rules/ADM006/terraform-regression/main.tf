# ADM006 gaps - Terraform jsonencode documents with an unknown part.

# 1. One unknown value anywhere in a jsonencode() document hides every statement. The first
#    statement is fully known (iam:Pass* on "*") but is not reported because the second one's
#    Resource comes from a variable without value. rules.md: unknown-ness matters only for the
#    value a rule judges; the known statement should be reported.
resource "aws_iam_role_policy" "partly_unknown" {
  name = "partly-unknown"
  role = "builder"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:Pass*", Resource = "*" }, # Noncompliant
      { Effect = "Allow", Action = "s3:GetObject", Resource = var.bucket_arn },
    ]
  })
}

# 2. A conditional inside jsonencode(). rules.md: values are evaluated on each branch of a
#    conditional; the iam:PassRole branch should be reported (the same shape in CloudFormation,
#    Fn::If, is reported). an early build reports nothing.
resource "aws_iam_policy" "conditional" {
  name = "conditional"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.allow_pass ? "iam:PassRole" : "iam:GetRole" # Noncompliant
      Resource = "*"
    }]
  })
}

variable "bucket_arn" {
  type = string
}

variable "allow_pass" {
  type = bool
}
