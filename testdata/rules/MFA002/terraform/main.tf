data "aws_caller_identity" "current" {}

variable "partner_account" {
  default = "444455556666"
}

resource "aws_iam_role" "partner" {
  name = "partner"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${var.partner_account}:root" } # Noncompliant {{or an sts:ExternalId}}
    }]
  })
}

data "aws_iam_policy_document" "operators" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"] # Noncompliant
    }
  }
}

resource "aws_iam_role" "operators" {
  name               = "operators"
  assume_role_policy = data.aws_iam_policy_document.operators.json
}

# compliant: MFA required
data "aws_iam_policy_document" "with_mfa" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::444455556666:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "with_mfa" {
  name               = "with-mfa"
  assume_role_policy = data.aws_iam_policy_document.with_mfa.json
}

variable "trusted" {}

# compliant: the principal is unknown
resource "aws_iam_role" "unknown" {
  name = "unknown"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.trusted } }]
  })
}
