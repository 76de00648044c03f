# TRUST001 - Terraform role trust policies (assume_role_policy) open to everyone: jsonencode,
# heredoc JSON and aws_iam_policy_document. Reported at the "*".

resource "aws_iam_role" "everyone" {
  name = "everyone"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*" # Noncompliant {{Role aws_iam_role.everyone can be assumed by anyone}}
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "any_account" {
  name = "any-account"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::111122223333:root", "*"] } # Noncompliant
      Action    = "sts:AssumeRole"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

resource "aws_iam_role" "heredoc" {
  name               = "heredoc"
  assume_role_policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Principal": {"AWS": "*"},
        "Action": "sts:AssumeRole"
      }]
    }
  JSON
  # Noncompliant@-5
}

# The principal from a variable default "*"; a principal from a variable without value is
# unknown (compliant).
resource "aws_iam_role" "from_variable" {
  name = "from-variable"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.trusted }, Action = "sts:AssumeRole" }] # Noncompliant {{default of variable trusted}}
  })
}

resource "aws_iam_role" "unknown_principal" {
  name = "unknown-principal"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.external_trusted }, Action = "sts:AssumeRole" }]
  })
}

# Compliant: org, external id, source account conditions; a Deny.
resource "aws_iam_role" "org_only" {
  name = "org-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
      },
      {
        Effect    = "Allow"
        Principal = "*"
        Action    = "sts:AssumeRole"
        Condition = { StringEquals = { "sts:ExternalId" = "partner-7f3a" } }
      },
      {
        Effect    = "Deny"
        Principal = "*"
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

# count: both instances are open.
resource "aws_iam_role" "open_pair" {
  count = 2
  name  = "open-${count.index}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "*" }, Action = "sts:AssumeRole" }] # Noncompliant 2
  })
}

variable "trusted" {
  type    = string
  default = "*"
}

variable "external_trusted" {
  type = string
}
