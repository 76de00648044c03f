# MFA003 - a Bool "false" Deny whose policy also denies with Null aws:MultiFactorAuthPresent "true"
# is half of the pair MFA001 accepts: the companion applies to access keys, which carry no MFA
# key. Near miss: a Bool "false" Deny alone.

# Compliant: the pair.
resource "aws_iam_policy" "pair" {
  name = "require-mfa"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "DenyWithoutMfa", Effect = "Deny", NotAction = ["iam:ChangePassword", "sts:GetSessionToken"], Resource = "*",
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } },
      { Sid = "DenyKeysWithoutMfa", Effect = "Deny", NotAction = ["iam:ChangePassword", "sts:GetSessionToken"], Resource = "*",
      Condition = { Null = { "aws:MultiFactorAuthPresent" = "true" } } },
    ]
  })
}

resource "aws_iam_policy" "alone" {
  name = "require-mfa-console"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "DenyWithoutMfa", Effect = "Deny", NotAction = ["iam:ChangePassword", "sts:GetSessionToken"], Resource = "*",
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } }, # Noncompliant {{Bool "false"}}
    ]
  })
}
