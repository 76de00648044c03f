# TRUST002 gaps - Terraform. rules.md: any web-identity trust (GitHub Actions, EKS OIDC, Cognito)
# without a condition on the subject. CloudFormation trusts that name a declared
# AWS::IAM::OIDCProvider (Fn::GetAtt/Ref) or build the ARN with Fn::Sub are reported; the same
# trusts in Terraform are not, because the unknown ARN makes the whole document unknown.

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

data "aws_caller_identity" "current" {}

# 1. jsonencode with a reference to the declared provider, no condition.
resource "aws_iam_role" "deploy_ref" {
  name = "deploy-ref"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn } # Noncompliant {{aws_iam_openid_connect_provider.github}}
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

# 2. An ARN built with the deploying account id (data.aws_caller_identity): the provider text
#    token.actions.githubusercontent.com is known.
resource "aws_iam_role" "deploy_caller_account" {
  name = "deploy-caller-account"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com" } # Noncompliant
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}
