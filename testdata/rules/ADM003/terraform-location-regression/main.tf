# ADM003 regression - location. rules.md: "Location: the offending value (attribute/property, or the
# policy statement element)". A statement element whose value is a list or an object attribute
# coming from a variable, terraform.tfvars, a local, a dynamic block's iterator or a module
# argument is located where that value is written (terraform.tfvars, variables.tf, locals.tf,
# the for_each collection, the module call), outside the policy. A scalar variable in the same
# place is reported at the statement element ("from default of variable ..."), and so should
# these be. Expected at the statement element.

resource "aws_iam_policy" "ops" {
  name = "ops"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.ops_actions, Resource = "*" }] # Noncompliant {{Policy "ops"}}
  })
}

resource "aws_iam_role_policy" "break_glass" {
  name = "break-glass"
  role = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.break_glass_actions, Resource = "*" }] # Noncompliant {{Policy "break-glass"}}
  })
}

resource "aws_iam_policy" "team" {
  for_each = local.team_policies
  name     = "team-${each.key}"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = each.value.action, Resource = "*" }] # Noncompliant {{Policy "team-admin"}}
  })
}

data "aws_iam_policy_document" "dynamic" {
  dynamic "statement" {
    for_each = local.statements
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions # Noncompliant {{statement "All"}}
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "dynamic" {
  name   = "dynamic"
  policy = data.aws_iam_policy_document.dynamic.json
}

# The iterator's value comes from the for_each list (reported there today).
data "aws_iam_policy_document" "dynamic_literal" {
  dynamic "statement" {
    for_each = ["s3:GetObject", "*"]
    content {
      actions   = [statement.value] # Noncompliant {{Policy "dynamic-literal"}}
      resources = ["*"]
    }
  }
}

resource "aws_iam_policy" "dynamic_literal" {
  name   = "dynamic-literal"
  policy = data.aws_iam_policy_document.dynamic_literal.json
}

module "admin" {
  source  = "./modules/policy"
  name    = "module-admin"
  actions = ["*"]
}
