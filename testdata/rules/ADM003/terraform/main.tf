# ADM003 - a customer policy document allows every action on every resource, in every shape a
# Terraform configuration writes one. Scanned as one module with variables.tf,
# terraform.tfvars, locals.tf and the child module in modules/policy.

data "aws_caller_identity" "current" {}

# Principals: not judged by this rule, their policies are.
resource "aws_iam_user" "dev" {
  name = "dev"
}

resource "aws_iam_group" "ops" {
  name = "ops"
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = data.aws_iam_policy_document.trust.json

  inline_policy {
    name = "app-inline"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["s3:GetObject", "*"] # Noncompliant {{Policy "app-inline"}}
        Resource = ["*"]
      }]
    })
  }

  # Compliant inline policy: one bucket only.
  inline_policy {
    name = "app-bucket"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:s3:::app-data/*" }]
    })
  }
}

# Compliant: a trust policy (sts:AssumeRole only).
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# ---- aws_iam_policy: jsonencode, heredoc, file ----

resource "aws_iam_policy" "jsonencoded" {
  name = "jsonencoded"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadLogs"
        Effect   = "Allow"
        Action   = "logs:GetLogEvents"
        Resource = "*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "*" # Noncompliant {{Policy "jsonencoded" allows every action ("*") on every resource}}
        Resource = "*"
      },
    ]
  })
}

# The finding is inside the heredoc, on its "Action" line.
resource "aws_iam_policy" "heredoc" { # Noncompliant@+8 {{every action ("*:*")}}
  name   = "heredoc"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*:*",
          "Resource": "arn:*:*:*:*:*"
        }
      ]
    }
  EOT
}

# Every action except a few, none of which stops a principal from writing its own policies.
resource "aws_iam_policy" "not_action" {
  name = "not-action"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["s3:DeleteBucket", "ec2:TerminateInstances"] # Noncompliant {{every action except "s3:DeleteBucket", "ec2:TerminateInstances" (NotAction)}}
      Resource  = "*"
    }]
  })
}

# Compliant: NotAction excludes IAM, so the principal cannot grant itself more.
resource "aws_iam_policy" "power_user" {
  name = "power-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      NotAction = ["iam:*", "organizations:*", "account:*"]
      Resource  = "*"
    }]
  })
}

# NotResource with a small exclusion still covers (nearly) every resource.
resource "aws_iam_policy" "not_resource" {
  name = "not-resource"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect      = "Allow"
      Action      = "*" # Noncompliant {{every resource except "arn:aws:s3:::audit-logs/*" (NotResource)}}
      NotResource = "arn:aws:s3:::audit-logs/*"
    }]
  })
}

# An MFA condition does not narrow who or what the grant applies to.
resource "aws_iam_policy" "mfa_only" {
  name = "mfa-only"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*" # Noncompliant
      Resource  = "*"
      Condition = { Bool = { "aws:MultiFactorAuthPresent" = "true" } }
    }]
  })
}

# Compliant: the condition restricts the grant to the organization's principals.
resource "aws_iam_policy" "org_only" {
  name = "org-only"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-a1b2c3d4e5" } }
    }]
  })
}

# Compliant: a Deny of everything.
resource "aws_iam_policy" "deny_all" {
  name = "deny-all"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}

# Compliant: the document comes from a variable without value (unknown).
resource "aws_iam_policy" "external" {
  name   = "external"
  policy = var.external_policy_json
}

# Compliant: the only action is unknown.
resource "aws_iam_policy" "unknown_action" {
  name = "unknown-action"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.extra_action, Resource = "*" }]
  })
}

# Compliant: a local holding a read-only document.
resource "aws_iam_policy" "from_local" {
  name   = "from-local"
  policy = local.read_only
}

# The action from terraform.tfvars, which overrides the read-only default.
resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.ops_action, Resource = "*" }] # Noncompliant {{terraform.tfvars}}
  })
}

# for_each over a local map: only team-admin allows everything.
resource "aws_iam_policy" "team" {
  for_each = local.team_actions
  name     = "team-${each.key}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = each.value, Resource = "*" }] # Noncompliant {{Policy "team-admin"}}
  })
}

# count with a conditional: instance [0] allows everything.
resource "aws_iam_policy" "tiered" {
  count = 2
  name  = "tiered-${count.index}"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = count.index == 0 ? "*" : "ec2:Describe*" # Noncompliant {{Policy "tiered-0"}}
      Resource = "*"
    }]
  })
}

# full_access is "true" (a string, from terraform.tfvars): the first branch is taken.
resource "aws_iam_policy" "switch" {
  name = "switch"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.full_access ? "*" : "s3:GetObject" # Noncompliant
      Resource = "*"
    }]
  })
}

# ---- inline policies on users, groups, roles, permission sets ----

resource "aws_iam_user_policy" "dev" {
  name = "dev-inline"
  user = aws_iam_user.dev.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["*"], Resource = ["*"] }] # Noncompliant {{Policy "dev-inline"}}
  })
}

# The document (data.aws_iam_policy_document.ops) is judged here, where it is used.
resource "aws_iam_group_policy" "ops" {
  name   = "ops-inline"
  group  = aws_iam_group.ops.name
  policy = data.aws_iam_policy_document.ops.json
}

data "aws_iam_policy_document" "ops" {
  statement {
    sid       = "Operate"
    actions   = ["*"] # Noncompliant {{statement "Operate"}}
    resources = ["*"]
  }
}

# The default of the variable.
resource "aws_iam_role_policy" "app" {
  name = "app-role-inline"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.break_glass_action # Noncompliant {{default of variable break_glass_action}}
      Resource = "*"
    }]
  })
}

# Compliant: scoped to the account's own roles.
resource "aws_iam_role_policy" "scoped" {
  name = "scoped"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/app-*" }]
  })
}

# The permission set has no policy of its own.
resource "aws_ssoadmin_permission_set" "admins" {
  name         = "Admins"
  instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
}

# Its document, data.aws_iam_policy_document.sso, allows everything but one action.
resource "aws_ssoadmin_permission_set_inline_policy" "admins" {
  instance_arn       = aws_ssoadmin_permission_set.admins.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admins.arn
  inline_policy      = data.aws_iam_policy_document.sso.json
}

data "aws_iam_policy_document" "sso" {
  statement {
    not_actions = ["ec2:TerminateInstances"] # Noncompliant {{(NotAction)}}
    resources   = ["*"]
  }
}

# ---- data "aws_iam_policy_document": dynamic blocks, merged documents ----

resource "aws_iam_policy" "dynamic" {
  name   = "dynamic"
  policy = data.aws_iam_policy_document.dynamic.json
}

# One statement per sid in local.dynamic_sids; statement "All" allows everything.
data "aws_iam_policy_document" "dynamic" {
  dynamic "statement" {
    for_each = local.dynamic_sids
    content {
      sid       = statement.value
      actions   = statement.value == "All" ? ["*"] : ["s3:GetObject"] # Noncompliant {{statement "All"}}
      resources = ["*"]
    }
  }
}

# A read-only source document: nothing to judge in it.
data "aws_iam_policy_document" "read_base" {
  statement {
    sid       = "Read"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

# The merged document adds its own admin statement: judged once, where it is used.
data "aws_iam_policy_document" "merged_admin" {
  source_policy_documents = [data.aws_iam_policy_document.read_base.json]
  statement {
    sid       = "Admin"
    actions   = ["*"] # Noncompliant {{Policy "merged-admin"}}
    resources = ["*"]
  }
}

# Uses the merged document above.
resource "aws_iam_policy" "merged_admin" {
  name   = "merged-admin"
  policy = data.aws_iam_policy_document.merged_admin.json
}

# Compliant: the override document replaces statement "Admin" with a read-only one.
data "aws_iam_policy_document" "narrowing" {
  statement {
    sid       = "Admin"
    actions   = ["s3:ListBucket"]
    resources = ["*"]
  }
}

# Statement "Admin" is replaced by the override document.
data "aws_iam_policy_document" "overridden" {
  override_policy_documents = [data.aws_iam_policy_document.narrowing.json]
  statement {
    sid       = "Admin"
    actions   = ["*"]
    resources = ["*"]
  }
}

# Compliant: the merged document is read-only.
resource "aws_iam_policy" "overridden" {
  name   = "overridden"
  policy = data.aws_iam_policy_document.overridden.json
}

# A document used nowhere in the scan is judged on its own (a module output may export it).
data "aws_iam_policy_document" "exported" {
  statement {
    actions   = ["*"] # Noncompliant {{data.aws_iam_policy_document.exported}}
    resources = ["*"]
  }
}

output "exported_policy" {
  value = data.aws_iam_policy_document.exported.json
}

# ---- a child module, called twice ----

module "admin_policy" {
  source  = "./modules/policy"
  name   = "module-admin"
  action = "*"
}

# Compliant call: read-only actions.
module "reader_policy" {
  source  = "./modules/policy"
  name   = "module-reader"
  action = "s3:GetObject"
}

# Compliant: a policy used only as a permissions boundary grants nothing, even "*" on "*"
# (the usual shape of a boundary: allow everything, deny what the workload must never do).
resource "aws_iam_policy" "workload_boundary" {
  name = "workload-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" },
      { Effect = "Deny", Action = ["iam:*", "organizations:*"], Resource = "*" }
    ]
  })
}

resource "aws_iam_role" "bounded_workload" {
  name                 = "bounded-workload"
  permissions_boundary = aws_iam_policy.workload_boundary.arn
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}
