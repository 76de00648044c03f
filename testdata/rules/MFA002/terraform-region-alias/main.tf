# MFA002 - an alias that only changes the region (for an ACM certificate in us-east-1) deploys
# with the same credentials into the same account: data.aws_caller_identity is still the
# deploying account, where an external id does not replace MFA.
provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn = var.deploy_role_arn
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"
  assume_role {
    role_arn = var.deploy_role_arn
  }
}

variable "deploy_role_arn" {
  type = string
}

data "aws_caller_identity" "current" {}

resource "aws_acm_certificate" "site" {
  provider          = aws.us_east_1
  domain_name       = "example.com"
  validation_method = "DNS"
}

resource "aws_iam_role" "operators" {
  name = "operators"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" } # Noncompliant {{can be assumed by the deploying account (data.aws_caller_identity.current.account_id: any of its users and roles whose policies allow it) without MFA}}
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "sts:ExternalId" = "ops-7f3a" } }
    }]
  })
}
