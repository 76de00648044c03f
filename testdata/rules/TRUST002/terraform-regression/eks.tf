resource "aws_iam_openid_connect_provider" "eks" {
  url             = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
}

# 3. The usual IRSA document with a reference to the declared provider, audience only: every
#    service account of the cluster can assume the role. Not reported.
data "aws_iam_policy_document" "irsa_any_service_account" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn] # Noncompliant
    }
    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "irsa_any_service_account" {
  name               = "irsa-any"
  assume_role_policy = data.aws_iam_policy_document.irsa_any_service_account.json
}

# Compliant companion of 3: the subject is tested (key built from the provider URL).
data "aws_iam_policy_document" "irsa_payments" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:payments:api"]
    }
  }
}

resource "aws_iam_role" "irsa_payments" {
  name               = "irsa-payments"
  assume_role_policy = data.aws_iam_policy_document.irsa_payments.json
}

# 4. False positive. A condition whose key cannot be resolved (the issuer comes from a variable
#    without value) is dropped from the rendered aws_iam_policy_document, and the role is then
#    reported "without a condition on the subject" although the condition tests …:sub.
#    rules.md: "A condition that cannot be resolved never gives a certain finding." Compliant:
#    no marker. (The same trust written with jsonencode is, correctly, not reported.)
data "aws_iam_policy_document" "irsa_issuer_from_variable" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"]
    }
    condition {
      test     = "StringEquals"
      variable = "${var.oidc_issuer}:sub"
      values   = ["system:serviceaccount:payments:api"]
    }
  }
}

resource "aws_iam_role" "irsa_issuer_from_variable" {
  name               = "irsa-issuer-from-variable"
  assume_role_policy = data.aws_iam_policy_document.irsa_issuer_from_variable.json
}

variable "oidc_issuer" {
  type = string
}
