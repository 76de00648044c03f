# MFA002 - only principals that can be people are judged (Terraform).
data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}

variable "management_account_id" {
  type = string
}

variable "lambda_role_name" {
  default = "config-lambda"
}

# compliant: the root of the management account, narrowed to one Lambda role
data "aws_iam_policy_document" "configuration" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${var.management_account_id}:root"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalArn"
      values   = ["arn:${data.aws_partition.current.partition}:iam::${var.management_account_id}:role/${var.lambda_role_name}"]
    }
  }
}

resource "aws_iam_role" "configuration" {
  name               = "configuration"
  assume_role_policy = data.aws_iam_policy_document.configuration.json
}

# near miss: the same root narrowed to a user
data "aws_iam_policy_document" "operator" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:root"] # Noncompliant {{Role aws_iam_role.operator can be assumed by}}
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalArn"
      values   = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:user/operator"]
    }
  }
}

resource "aws_iam_role" "operator" {
  name               = "operator"
  assume_role_policy = data.aws_iam_policy_document.operator.json
}

# compliant: a role declared here
resource "aws_iam_role" "chained" {
  name = "chained"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_role.configuration.arn } }]
  })
}

# near miss: a user declared here
resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_role" "for_user" {
  name = "for-user"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.ops.arn } }] # Noncompliant {{can be assumed by user aws_iam_user.ops without MFA: require}}
  })
}

# compliant: only assumed-role sessions
resource "aws_iam_role" "sessions" {
  name = "sessions"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" }
      Condition = { StringEquals = { "aws:PrincipalType" = "AssumedRole" } }
    }]
  })
}

# near miss: the same account with an external id and no MFA
resource "aws_iam_role" "same_account_external_id" {
  name = "same-account-external-id"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = data.aws_caller_identity.current.account_id } # Noncompliant {{without MFA: require}}
      Condition = { StringEquals = { "sts:ExternalId" = "c0ffee-42" } }
    }]
  })
}

# compliant: the user's own policy denies everything without MFA, sts:AssumeRole included
resource "aws_iam_user" "auditor" {
  name = "auditor"
}

resource "aws_iam_user_policy" "auditor_mfa" {
  name = "require-mfa"
  user = aws_iam_user.auditor.name
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })
}

resource "aws_iam_role" "for_auditor" {
  name = "for-auditor"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.auditor.arn } }]
  })
}

# near miss: the user's MFA Deny leaves out sts:AssumeRole
resource "aws_iam_user" "builder" {
  name = "builder"
}

resource "aws_iam_user_policy" "builder_mfa" {
  name = "require-mfa"
  user = aws_iam_user.builder.name
  policy = jsonencode({
    Statement = [{
      Effect    = "Deny"
      NotAction = ["iam:*", "sts:AssumeRole"]
      Resource  = "*"
      Condition = { BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" } }
    }]
  })
}

resource "aws_iam_role" "for_builder" {
  name = "for-builder"
  assume_role_policy = jsonencode({
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = aws_iam_user.builder.arn } }] # Noncompliant {{can be assumed by user aws_iam_user.builder without MFA}}
  })
}
