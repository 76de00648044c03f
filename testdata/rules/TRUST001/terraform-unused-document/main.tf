# TRUST001 - a trust document used by no role in the scan is judged on its own.

data "aws_iam_policy_document" "public" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"] # Noncompliant {{A role with the trust policy data.aws_iam_policy_document.public (used by no role in the scan) can be assumed by anyone}}
    }
  }
}

output "public_trust_policy" {
  value = data.aws_iam_policy_document.public.json
}

# compliant: restricted to the organization
data "aws_iam_policy_document" "organization" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

output "organization_trust_policy" {
  value = data.aws_iam_policy_document.organization.json
}
