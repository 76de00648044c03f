# MFA002 - an alias of another provider (kubernetes.eks) leaves the AWS resources on the one AWS
# provider: data.aws_caller_identity is still the deploying account, where an external id does
# not replace MFA.
provider "aws" {
  region = "eu-west-1"
}

provider "kubernetes" {
  alias = "eks"
  host  = "https://example.eks.amazonaws.com"
}

data "aws_caller_identity" "current" {}

resource "kubernetes_namespace" "apps" {
  provider = kubernetes.eks
  metadata {
    name = "apps"
  }
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
