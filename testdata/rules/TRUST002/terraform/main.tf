# TRUST002 - Terraform OIDC trusts without a subject condition: literal provider ARNs from
# literals, variables, terraform.tfvars and locals, in jsonencode and aws_iam_policy_document.
# Reported at the provider. (References to aws_iam_openid_connect_provider: see terraform-gaps.)

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# A literal GitHub provider ARN, audience only.
resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com" } # Noncompliant {{Role aws_iam_role.deploy trusts tokens from "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"}}
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
      }
    }]
  })
}

# Compliant: the subject is tested (the provider is a reference to the declared provider).
resource "aws_iam_role" "deploy_scoped" {
  name = "deploy-scoped"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
        StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/infra:*" }
      }
    }]
  })
}

# The provider ARN from a variable default and from terraform.tfvars; a variable without value is
# unknown (compliant).
resource "aws_iam_role" "from_default" {
  name = "from-default"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Federated = var.gitlab_provider_arn }, Action = "sts:AssumeRoleWithWebIdentity" }] # Noncompliant
  })
}

resource "aws_iam_role" "from_tfvars" {
  name = "from-tfvars"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Federated = var.eks_provider_arn }, Action = "sts:AssumeRoleWithWebIdentity" }] # Noncompliant
  })
}

resource "aws_iam_role" "unknown_provider" {
  name = "unknown-provider"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Federated = var.external_provider_arn }, Action = "sts:AssumeRoleWithWebIdentity" }]
  })
}

# for_each: one role per repository, none with a subject condition.
resource "aws_iam_role" "per_repo" {
  for_each = toset(["api", "web"])
  name     = "deploy-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = local.github_provider_arn } # Noncompliant 2
      Action    = "sts:AssumeRoleWithWebIdentity"
    }]
  })
}

# Reported where the ARN is used, once per role.
locals {
  github_provider_arn = "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"
}

variable "gitlab_provider_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:oidc-provider/gitlab.com"
}

variable "eks_provider_arn" {
  type    = string
  default = "arn:aws:iam::123456789012:saml-provider/okta"
}

variable "external_provider_arn" {
  type = string
}
