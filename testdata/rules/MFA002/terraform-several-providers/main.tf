# MFA002 - a module that deploys through several AWS providers (a landing zone that assumes a
# role into each account): data.aws_caller_identity is the account of the provider it is read
# through, which may not be the account a role is created in. Trusted with an external id, such
# an account is not certainly the deploying one, so the statement is not certainly exposed.
# (A real-world false positive, reported as "can be assumed by the deploying account".)
provider "aws" {
  region = "eu-west-2"
  assume_role {
    role_arn = "arn:aws:iam::111111111111:role/deployer"
  }
}

provider "aws" {
  alias  = "ci"
  region = "eu-west-2"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}

data "aws_caller_identity" "ci" {
  provider = aws.ci
}

data "aws_caller_identity" "current" {}

# compliant: the caller identity is read through aws.ci, the role is created through the default provider
resource "aws_iam_role" "deploy_from_ci" {
  name = "deploy-from-ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.ci.account_id}:root" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "ci-deploy-7f3a" } }
    }]
  })
}

# compliant: created in the CI account, trusted by the default provider's account
resource "aws_iam_role" "from_management" {
  provider = aws.ci
  name     = "deploy-from-management"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = data.aws_caller_identity.current.account_id }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "mgmt-deploy-7f3a" } }
    }]
  })
}

# Neither MFA nor an external id: exposed whichever account it is, and named for what is known.
resource "aws_iam_role" "open_to_ci" {
  name = "open-to-ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.ci.account_id}:root" } # Noncompliant {{can be assumed by the account of data.aws_caller_identity.ci.account_id (read through provider aws.ci, in a module whose AWS providers may reach different accounts: any of its users and roles whose policies allow it) without MFA}}
      Action    = "sts:AssumeRole"
    }]
  })
}
