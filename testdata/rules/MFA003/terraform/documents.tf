# aws_iam_policy_document: judged where it is used (once), or on its own when it is used nowhere.

data "aws_iam_policy_document" "force_mfa" {
  statement {
    sid         = "DenyWithoutMfa"
    effect      = "Deny"
    not_actions = ["iam:ChangePassword", "sts:GetSessionToken"]
    resources   = ["*"]
    condition { # Noncompliant {{Statement "DenyWithoutMfa"}}
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }

  # Compliant: BoolIfExists.
  statement {
    effect      = "Deny"
    not_actions = ["iam:*"]
    resources   = ["*"]
    condition {
      test     = "BoolIfExists"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "from_document" {
  name   = "from-document"
  policy = data.aws_iam_policy_document.force_mfa.json
}

# Used nowhere in the scan: judged on its own.
data "aws_iam_policy_document" "shared" {
  statement {
    effect    = "Deny"
    actions   = ["s3:DeleteBucket"]
    resources = ["*"]
    condition { # Noncompliant
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = [false]
    }
  }
}

# Compliant: requires MFA (true).
data "aws_iam_policy_document" "require_mfa" {
  statement {
    actions   = ["ec2:StopInstances"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}
