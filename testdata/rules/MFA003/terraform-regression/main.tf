# MFA003 gaps - Terraform.
#
# 1. Location. In an aws_iam_policy_document whose statement has several condition blocks, the
#    finding is at the first condition block (the StringEquals one here), not at the Bool test
#    it is about. rules.md/metadata: "located at the Bool operator".
data "aws_iam_policy_document" "two_conditions" {
  statement {
    effect    = "Deny"
    actions   = ["iam:*"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
    condition { # Noncompliant
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["false"]
    }
  }
}

resource "aws_iam_policy" "two_conditions" {
  name   = "two-conditions"
  policy = data.aws_iam_policy_document.two_conditions.json
}

# 2. Trust policies. rules.md (MFA002): 'A test against "false" does not require MFA (see
#    MFA003)', and MFA003 is about any statement that tests aws:MultiFactorAuthPresent with
#    Bool "false". an early build reads identity policies only, so this trust policy, whose Deny never
#    applies to callers using long-term keys, is not reported.
resource "aws_iam_role" "break_glass" {
  name = "break-glass"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { AWS = "arn:aws:iam::111122223333:root" }
        Action    = "sts:AssumeRole"
      },
      {
        Effect    = "Deny"
        Principal = { AWS = "*" }
        Action    = "sts:AssumeRole"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = "false" } # Noncompliant
        }
      },
    ]
  })
}
