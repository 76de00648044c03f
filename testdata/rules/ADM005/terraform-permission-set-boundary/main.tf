# ADM005 - a permission set's inline policy is judged alone, capped by the permission set's
# boundary (aws_ssoadmin_permissions_boundary_attachment) as a role's permissions_boundary caps
# its policies: an AWS managed boundary by ARN, a customer managed one by name.

locals {
  instance_arn = "arn:aws:sso:::instance/ssoins-1234567890abcdef"
  escalating = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:CreatePolicyVersion", "iam:AttachRolePolicy"], Resource = "*" }] # Noncompliant 2 {{can escalate its privileges}}
  })
}

# Compliant: ReadOnlyAccess as the boundary leaves none of the escalating actions.
resource "aws_ssoadmin_permission_set" "capped" {
  name         = "Capped"
  instance_arn = local.instance_arn
}

resource "aws_ssoadmin_permission_set_inline_policy" "capped" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.capped.arn
  inline_policy      = local.escalating
}

resource "aws_ssoadmin_permissions_boundary_attachment" "capped" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.capped.arn
  permissions_boundary {
    managed_policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  }
}

# Reported at the statement above: no boundary.
resource "aws_ssoadmin_permission_set" "open" {
  name         = "Open"
  instance_arn = local.instance_arn
}

resource "aws_ssoadmin_permission_set_inline_policy" "open" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.open.arn
  inline_policy      = local.escalating
}

# Reported at the statement above: the boundary allows everything.
resource "aws_ssoadmin_permission_set" "admin_boundary" {
  name         = "AdminBoundary"
  instance_arn = local.instance_arn
}

resource "aws_ssoadmin_permission_set_inline_policy" "admin_boundary" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin_boundary.arn
  inline_policy      = local.escalating
}

resource "aws_ssoadmin_permissions_boundary_attachment" "admin_boundary" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admin_boundary.arn
  permissions_boundary {
    managed_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
  }
}

# Not decided (--report-unknown): the boundary is a customer managed policy of each account, not in the scan.
resource "aws_ssoadmin_permission_set" "account_boundary" {
  name         = "AccountBoundary"
  instance_arn = local.instance_arn
}

resource "aws_ssoadmin_permission_set_inline_policy" "account_boundary" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.account_boundary.arn
  inline_policy      = local.escalating
}

resource "aws_ssoadmin_permissions_boundary_attachment" "account_boundary" {
  instance_arn       = local.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.account_boundary.arn
  permissions_boundary {
    customer_managed_policy_reference {
      name = "team-boundary"
      path = "/"
    }
  }
}
