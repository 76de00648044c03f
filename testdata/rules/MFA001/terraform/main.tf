# MFA001 - console users (aws_iam_user_login_profile) without an MFA-enforcing Deny in their
# effective policies, in Terraform: group membership, policy documents in another file, a module.

resource "aws_iam_user" "ivan" {
  name = "ivan"
}

resource "aws_iam_user_login_profile" "ivan" { # Noncompliant {{User "ivan" (aws_iam_user.ivan) can sign in to the console, but none of its 2 policies (its 1 group's included) denies access without MFA}}
  user    = aws_iam_user.ivan.name
  pgp_key = "keybase:ivan"
}

resource "aws_iam_user_group_membership" "ivan" {
  user   = aws_iam_user.ivan.name
  groups = [aws_iam_group.developers.name]
}

resource "aws_iam_group" "developers" {
  name = "developers"
}

resource "aws_iam_group_policy_attachment" "developers" {
  group      = aws_iam_group.developers.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_user_policy" "ivan" {
  user   = aws_iam_user.ivan.name
  policy = data.aws_iam_policy_document.mfa_on_delete_only.json
}

# Compliant: the group "people" carries the MFA policy.
resource "aws_iam_user" "judy" {
  name = "judy"
}

resource "aws_iam_user_login_profile" "judy" {
  user    = aws_iam_user.judy.name
  pgp_key = "keybase:judy"
}

resource "aws_iam_group_membership" "people" {
  name  = "people"
  group = aws_iam_group.people.name
  users = [aws_iam_user.judy.name]
}

resource "aws_iam_group" "people" {
  name = "people"
}

resource "aws_iam_policy" "require_mfa" {
  name   = "require-mfa"
  policy = data.aws_iam_policy_document.require_mfa.json
}

resource "aws_iam_group_policy_attachment" "people" {
  group      = aws_iam_group.people.name
  policy_arn = aws_iam_policy.require_mfa.arn
}

# Not judged: a policy outside the scan may enforce MFA.
resource "aws_iam_user" "mallory" {
  name = "mallory"
}

resource "aws_iam_user_login_profile" "mallory" {
  user    = aws_iam_user.mallory.name
  pgp_key = "keybase:mallory"
}

resource "aws_iam_user_policy_attachment" "mallory" {
  user       = aws_iam_user.mallory.name
  policy_arn = "arn:aws:iam::123456789012:policy/org-require-mfa"
}

# Not judged: the tested value is a variable without a value.
variable "mfa_value" {
  type = string
}

resource "aws_iam_user" "nina" {
  name = "nina"
}

resource "aws_iam_user_login_profile" "nina" {
  user    = aws_iam_user.nina.name
  pgp_key = "keybase:nina"
}

resource "aws_iam_user_policy" "nina" {
  user = aws_iam_user.nina.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:*MFA*", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = var.mfa_value } }
    }]
  })
}

# Not judged: the user's name is an input and a policy names "arn:aws:iam::<unknown>:user/olga",
# which may be this user.
variable "olga_name" {
  type = string
}

variable "account_id" {
  type = string
}

resource "aws_iam_user" "olga" {
  name = var.olga_name
}

resource "aws_iam_user_login_profile" "olga" {
  user    = aws_iam_user.olga.name
  pgp_key = "keybase:olga"
}

resource "aws_iam_user_policy" "olga_mfa" {
  user   = "arn:aws:iam::${var.account_id}:user/olga"
  policy = data.aws_iam_policy_document.require_mfa.json
}
