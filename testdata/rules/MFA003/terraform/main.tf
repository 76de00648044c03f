# MFA003 - Bool aws:MultiFactorAuthPresent "false" in Terraform identity policies: jsonencode,
# heredoc JSON, aws_iam_policy_document, inline policies of users, groups and roles.
# Reported at the Bool operator (for aws_iam_policy_document: at the condition block).

resource "aws_iam_policy" "force_mfa" {
  name = "force-mfa"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyAllExceptListedIfNoMFA"
        Effect    = "Deny"
        NotAction = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "sts:GetSessionToken"]
        Resource  = "*"
        Condition = {
          Bool = { # Noncompliant {{Statement "DenyAllExceptListedIfNoMFA" tests aws:MultiFactorAuthPresent with Bool "false"}}
            "aws:MultiFactorAuthPresent" = "false"
          }
        }
      },
      {
        # Compliant: BoolIfExists.
        Sid       = "IfExists"
        Effect    = "Deny"
        NotAction = ["iam:*"]
        Resource  = "*"
        Condition = {
          BoolIfExists = { "aws:MultiFactorAuthPresent" = "false" }
        }
      },
    ]
  })
}

# The HCL boolean false, in a user's inline policy.
resource "aws_iam_user_policy" "deny_without_mfa" {
  name = "deny-without-mfa"
  user = "alice"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Action    = "*"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = false } } # Noncompliant
    }]
  })
}

# A heredoc JSON policy on a group.
resource "aws_iam_group_policy" "heredoc" {
  name  = "heredoc"
  group = "admins"
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Deny",
        "Action": "iam:*",
        "Resource": "*",
        "Condition": {"Bool": {"aws:MultiFactorAuthPresent": ["false"]}}
      }]
    }
  JSON
  # Noncompliant@-4
}

# A role's inline policy and an aws_iam_role_policy; the value comes from a variable default.
resource "aws_iam_role" "operator" {
  name = "operator"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
  inline_policy {
    name = "deny-without-mfa"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Deny"
        Action   = "ec2:TerminateInstances"
        Resource = "*"
        Condition = {
          Bool = { "aws:MultiFactorAuthPresent" = var.mfa_flag } # Noncompliant
        }
      }]
    })
  }
}

# Compliant: the value is a variable without any value (unknown), and a test against true.
resource "aws_iam_role_policy" "unknown_value" {
  name = "unknown-value"
  role = aws_iam_role.operator.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Deny"
        Action    = "*"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = var.external_mfa_flag } }
      },
      {
        Effect    = "Allow"
        Action    = "ec2:RebootInstances"
        Resource  = "*"
        Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
      },
    ]
  })
}

# for_each over two teams: each policy instance is reported.
resource "aws_iam_policy" "per_team" {
  for_each = toset(["payments", "search"])
  name     = "${each.key}-mfa"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Action    = "*"
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } # Noncompliant 2
    }]
  })
}
