# ADM001 - a dedicated admin role that only its own account can assume, with MFA: info with the
# reason. Near misses stay high.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "break_glass" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "break_glass" {
  name               = "break-glass"
  assume_role_policy = data.aws_iam_policy_document.break_glass.json
}

resource "aws_iam_role_policy_attachment" "break_glass" {
  role       = aws_iam_role.break_glass.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role "break-glass" (aws_iam_role.break_glass): only principals of the role's own account can assume it, and only with MFA}}
}

# near miss: no MFA condition
resource "aws_iam_role" "admin" {
  name = "admin"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "admin" (aws_iam_role.admin)}}
}

# near miss: MFA required, but a variable without a value names the account
variable "trusted_account_id" {
  type = string
}

resource "aws_iam_role" "cross_account_admin" {
  name = "cross-account-admin"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${var.trusted_account_id}:root" }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "cross_account_admin" {
  role       = aws_iam_role.cross_account_admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role "cross-account-admin" (aws_iam_role.cross_account_admin)}}
}

# The caller of the deployment (a user or a role of the deploying account), with MFA: info.
resource "aws_iam_role" "caller_admin" {
  name = "caller-admin"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = data.aws_caller_identity.current.arn }
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "caller-admin" (aws_iam_role.caller_admin): only principals of the role's own account can assume it, and only with MFA}}
}

# near miss: the caller's ARN without MFA
resource "aws_iam_role" "caller_admin_no_mfa" {
  name = "caller-admin-no-mfa"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = data.aws_caller_identity.current.arn }
    }]
  })
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "caller-admin-no-mfa" (aws_iam_role.caller_admin_no_mfa)}}
}

# Arguments set to null are not set, the way modules pass optional attributes through
# (regression: a null not_actions made the statement unreadable and the finding certain HIGH).
data "aws_iam_policy_document" "caller_trust" {
  statement {
    sid           = null
    effect        = null
    actions       = ["sts:AssumeRole"]
    not_actions   = null
    resources     = null
    not_resources = null
    principals {
      type        = "AWS"
      identifiers = [data.aws_caller_identity.current.arn]
    }
    # a dynamic block with no elements writes no block (regression: it became an empty NotPrincipal)
    dynamic "not_principals" {
      for_each = []
      content {
        type        = "AWS"
        identifiers = ["*"]
      }
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "caller_admin_null_arguments" {
  name                = "caller-admin-null-arguments"
  assume_role_policy  = data.aws_iam_policy_document.caller_trust.json
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "caller-admin-null-arguments" (aws_iam_role.caller_admin_null_arguments): only principals of the role's own account can assume it, and only with MFA}}
}

# The rendered trust passed through string functions that leave a JSON document as it is
# (regression: the text of a document with parts known only at plan was read as "{}", so the
# trust was lost and the finding was certain HIGH).
resource "aws_iam_role" "joined_trust" {
  name                = "joined-trust"
  assume_role_policy  = join("", data.aws_iam_policy_document.break_glass.*.json)
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "joined-trust" (aws_iam_role.joined_trust): only principals of the role's own account can assume it, and only with MFA}}
}

resource "aws_iam_role" "trimmed_trust" {
  name                = "trimmed-trust"
  assume_role_policy  = trimspace(data.aws_iam_policy_document.break_glass.json)
  managed_policy_arns = ["arn:aws:iam::aws:policy/AdministratorAccess"] # Noncompliant {{AdministratorAccess is attached to role "trimmed-trust" (aws_iam_role.trimmed_trust): only principals of the role's own account can assume it, and only with MFA}}
}

# The same with a count, its name known only at plan and attached through join("", ...*.name)
# (regression: join of the one name lost the role it names, and the finding was certain HIGH).
variable "counted_role_name" {
  type = string
}

resource "aws_iam_role" "counted" {
  count              = 1
  name               = var.counted_role_name
  assume_role_policy = join("", data.aws_iam_policy_document.break_glass.*.json)
}

resource "aws_iam_role_policy_attachment" "counted" {
  count      = 1
  role       = join("", aws_iam_role.counted.*.name)
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role aws_iam_role.counted[0]: only principals of the role's own account can assume it, and only with MFA}}
}
