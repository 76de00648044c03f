# TRUST002 - a trust document used by no role in the scan is judged on its own.

data "aws_iam_policy_document" "github" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"] # Noncompliant {{A role with the trust policy data.aws_iam_policy_document.github (used by no role in the scan) trusts tokens from}}
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
  }
}

output "github_trust_policy" {
  value = data.aws_iam_policy_document.github.json
}

# compliant: the subject is tested
data "aws_iam_policy_document" "github_main" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:ref:refs/heads/main"]
    }
  }
}

output "github_main_trust_policy" {
  value = data.aws_iam_policy_document.github_main.json
}
