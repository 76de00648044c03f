# USR001 - a policy embedded in a user instead of granted through a group or role.

resource "aws_iam_user" "deploy" {
  name = "deploy"
}

# Users are not judged by this rule, their inline policies are.
resource "aws_iam_user" "dev" {
  for_each = var.developers
  name     = each.value
}

# A group and a role: their inline policies are fine.
resource "aws_iam_group" "deployers" {
  name = "deployers"
}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

# A document: embedded only where an aws_iam_user_policy uses it.
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::artifacts/*"]
  }
}

# A user named by reference.
resource "aws_iam_user_policy" "deploy" { # Noncompliant {{Inline policy "deploy-artifacts" is embedded in user "deploy" (aws_iam_user.deploy)}}
  name   = "deploy-artifacts"
  user   = aws_iam_user.deploy.name
  policy = data.aws_iam_policy_document.deploy.json
}

# A user named by a literal, not declared here.
resource "aws_iam_user_policy" "external" { # Noncompliant {{user "legacy-admin"}}
  name   = "external"
  user   = "legacy-admin"
  policy = data.aws_iam_policy_document.deploy.json
}

# for_each over the users: one finding per instance (alice and bob).
resource "aws_iam_user_policy" "dev" { # Noncompliant 2
  for_each    = aws_iam_user.dev
  name_prefix = "dev-"
  user        = each.value.name
  policy      = data.aws_iam_policy_document.deploy.json
}

# count: two instances.
resource "aws_iam_user_policy" "numbered" { # Noncompliant 2
  count  = 2
  name   = "numbered-${count.index}"
  user   = aws_iam_user.deploy.name
  policy = data.aws_iam_policy_document.deploy.json
}

# The user name is unknown (variable without value): the policy is still embedded in a user.
resource "aws_iam_user_policy" "contractor" { # Noncompliant {{whose name is not known}}
  name   = "contractor"
  user   = var.contractor_name
  policy = data.aws_iam_policy_document.deploy.json
}

# Compliant: legacy_enabled is false in terraform.tfvars, so count is 0.
resource "aws_iam_user_policy" "legacy" {
  count  = var.legacy_enabled ? 1 : 0
  name   = "legacy"
  user   = aws_iam_user.deploy.name
  policy = data.aws_iam_policy_document.deploy.json
}

# Compliant: inline policies on a group and a role.
resource "aws_iam_group_policy" "deployers" {
  name   = "deployers"
  group  = aws_iam_group.deployers.name
  policy = data.aws_iam_policy_document.deploy.json
}

# Compliant: on a role.
resource "aws_iam_role_policy" "ci" {
  name   = "ci"
  role   = aws_iam_role.ci.id
  policy = data.aws_iam_policy_document.deploy.json
}

# Compliant for this rule: a managed policy attached to a user (USR002), not embedded.
resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}

# Compliant for this rule: an attachment, not an inline policy.
resource "aws_iam_user_policy_attachment" "deploy" {
  user       = aws_iam_user.deploy.name
  policy_arn = aws_iam_policy.deploy.arn
}

# Creates a user with an inline policy (reported in the module).
module "carol" {
  source = "./modules/dev-user"
  name   = "carol"
}
