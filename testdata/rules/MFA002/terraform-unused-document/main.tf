# MFA002 - trust documents used by no role in the scan are judged on their own: they may be
# consumed outside it (an output, a module that is not in the scan).

data "aws_iam_policy_document" "operators" {
  statement {
    actions = ["sts:AssumeRole", "sts:TagSession"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"] # Noncompliant {{A role with the trust policy data.aws_iam_policy_document.operators (used by no role in the scan) can be assumed by "arn:aws:iam::111122223333:root" without MFA or an sts:ExternalId}}
    }
  }
}

output "operators_trust_policy" {
  value = data.aws_iam_policy_document.operators.json
}

# compliant: MFA required
data "aws_iam_policy_document" "operators_mfa" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

output "operators_mfa_trust_policy" {
  value = data.aws_iam_policy_document.operators_mfa.json
}

# handed to a module that is not in the scan
data "aws_iam_policy_document" "auditors" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:user/auditor"] # Noncompliant {{data.aws_iam_policy_document.auditors}}
    }
  }
}

module "auditor_role" {
  source                   = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version                  = "5.39.0"
  custom_role_trust_policy = data.aws_iam_policy_document.auditors.json
}

# used by a role of the scan: judged once, there
data "aws_iam_policy_document" "deployers" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:user/deployer"] # Noncompliant {{Role aws_iam_role.deployers can be assumed}}
    }
  }
}

resource "aws_iam_role" "deployers" {
  name               = "deployers"
  assume_role_policy = data.aws_iam_policy_document.deployers.json
}

# compliant: a trust document for a service
data "aws_iam_policy_document" "lambda" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

output "lambda_trust_policy" {
  value = data.aws_iam_policy_document.lambda.json
}
