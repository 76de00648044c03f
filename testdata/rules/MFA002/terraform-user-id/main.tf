# MFA002 - aws:userid in the trust statement: the account id is the root user's (who cannot
# assume a role), "AROA…:*" is a role's sessions (which cannot present MFA). Neither is judged.
data "aws_caller_identity" "current" {}

variable "caller_id" {
  type = string
}

# compliant: only the root user of the deploying account matches
resource "aws_iam_role" "root_only" {
  name = "root-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
      Condition = { StringEquals = { "aws:userid" = data.aws_caller_identity.current.account_id } }
    }]
  })
}

# compliant: only sessions of one role match
resource "aws_iam_role" "sessions_only" {
  name = "sessions-only"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { StringLike = { "aws:userid" = ["AROAEXAMPLEROLEID0001:*", "111122223333"] } }
    }]
  })
}

# near miss: a user's id is a person
resource "aws_iam_role" "one_user" {
  name = "one-user"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" } # Noncompliant {{Role aws_iam_role.one_user can be assumed by}}
      Condition = { StringEquals = { "aws:userid" = "AIDAEXAMPLEUSERID0001" } }
    }]
  })
}

# near miss: a negated test admits everyone else
resource "aws_iam_role" "not_root" {
  name = "not-root"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" } # Noncompliant {{Role aws_iam_role.not_root can be assumed by}}
      Condition = { StringNotEquals = { "aws:userid" = "111122223333" } }
    }]
  })
}

# undecided: an id not known may be a role's (reported only with --report-unknown)
resource "aws_iam_role" "unknown_id" {
  name = "unknown-id"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { StringEquals = { "aws:userid" = var.caller_id } }
    }]
  })
}
