# EKS (IRSA) and Cognito trusts written with aws_iam_policy_document.

# Audience only: every service account of the cluster can assume the role.
data "aws_iam_policy_document" "irsa_any_service_account" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"] # Noncompliant {{without a condition on the subject (…:sub)}}
    }
    condition {
      test     = "StringEquals"
      variable = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "irsa_any_service_account" {
  name               = "irsa-any"
  assume_role_policy = data.aws_iam_policy_document.irsa_any_service_account.json
}

# Compliant: the service account is named through the :sub key (here built from a local).
data "aws_iam_policy_document" "irsa_payments" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/${local.eks_issuer}"]
    }
    condition {
      test     = "StringEquals"
      variable = "${local.eks_issuer}:sub"
      values   = ["system:serviceaccount:payments:api"]
    }
  }
}

resource "aws_iam_role" "irsa_payments" {
  name               = "irsa-payments"
  assume_role_policy = data.aws_iam_policy_document.irsa_payments.json
}

locals {
  eks_issuer = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
}

# Cognito without the identity pool (aud): any pool's identities can assume the role.
data "aws_iam_policy_document" "cognito_any_pool" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"] # Noncompliant {{cognito-identity.amazonaws.com:aud}}
    }
  }
}

resource "aws_iam_role" "cognito_any_pool" {
  name               = "cognito-any-pool"
  assume_role_policy = data.aws_iam_policy_document.cognito_any_pool.json
}

# Compliant: Cognito bound to one identity pool.
data "aws_iam_policy_document" "cognito_pool" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["cognito-identity.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "cognito-identity.amazonaws.com:aud"
      values   = ["eu-west-1:11111111-2222-3333-4444-555555555555"]
    }
  }
}

resource "aws_iam_role" "cognito_pool" {
  name               = "cognito-pool"
  assume_role_policy = data.aws_iam_policy_document.cognito_pool.json
}

# Compliant: a SAML provider is not judged.
data "aws_iam_policy_document" "saml" {
  statement {
    actions = ["sts:AssumeRoleWithSAML"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:saml-provider/okta"]
    }
  }
}

resource "aws_iam_role" "saml" {
  name               = "saml"
  assume_role_policy = data.aws_iam_policy_document.saml.json
}
