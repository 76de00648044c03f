# USR002 - a managed or customer policy attached to a user directly.

resource "aws_iam_user" "deploy" {
  name = "deploy"
}

# Principals are not judged by this rule, the attachments below are.
resource "aws_iam_user" "audit" {
  name = "audit"
}

# A group and a role: attachments to them are fine.
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

# A customer policy (its ARN is known only after apply).
resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:PutObject", Resource = "arn:aws:s3:::artifacts/*" }]
  })
}

# An AWS managed policy on a user.
resource "aws_iam_user_policy_attachment" "audit" {
  user       = aws_iam_user.audit.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit" # Noncompliant {{Policy "arn:aws:iam::aws:policy/SecurityAudit" is attached directly to user "audit" (aws_iam_user.audit)}}
}

# A customer policy created here (its ARN is known only after apply).
resource "aws_iam_user_policy_attachment" "deploy" {
  user       = aws_iam_user.deploy.name
  policy_arn = aws_iam_policy.deploy.arn # Noncompliant {{Policy aws_iam_policy.deploy}}
}

# The policy is unknown (variable without value): the attachment to a user is certain.
resource "aws_iam_user_policy_attachment" "extra" {
  user       = aws_iam_user.deploy.name
  policy_arn = var.extra_policy_arn # Noncompliant {{user "deploy"}}
}

# count: both instances attach to users.
resource "aws_iam_user_policy_attachment" "readers" {
  count      = 2
  user       = [aws_iam_user.deploy.name, aws_iam_user.audit.name][count.index]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # Noncompliant 2
}

# aws_iam_policy_attachment: one finding per user; the group is fine.
resource "aws_iam_policy_attachment" "shared" {
  name       = "shared"
  users      = [aws_iam_user.deploy.name, aws_iam_user.audit.name]
  groups     = [aws_iam_group.deployers.name]
  policy_arn = aws_iam_policy.deploy.arn # Noncompliant 2
}

# Compliant: billing_users is empty in terraform.tfvars.
resource "aws_iam_policy_attachment" "billing" {
  name       = "billing"
  users      = var.billing_users
  policy_arn = "arn:aws:iam::aws:policy/job-function/Billing"
}

# One finding per policy of the exclusive list.
resource "aws_iam_user_policy_attachments_exclusive" "audit" {
  user_name = aws_iam_user.audit.name
  policy_arns = [
    "arn:aws:iam::aws:policy/SecurityAudit",          # Noncompliant
    "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", # Noncompliant {{ViewOnlyAccess}}
  ]
}

# Compliant: policies attached to a group and to a role.
resource "aws_iam_group_policy_attachment" "deployers" {
  group      = aws_iam_group.deployers.name
  policy_arn = aws_iam_policy.deploy.arn
}

# Compliant: on a role.
resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}

# Compliant: groups and roles only.
resource "aws_iam_policy_attachment" "groups_only" {
  name       = "groups-only"
  groups     = [aws_iam_group.deployers.name]
  roles      = [aws_iam_role.ci.name]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Compliant: on a group.
resource "aws_iam_group_policy_attachments_exclusive" "deployers" {
  group_name  = aws_iam_group.deployers.name
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

# Attaches two policies to its user (reported in the module).
module "reader" {
  source      = "./modules/user"
  name        = "reader"
  policy_arns = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSSupportAccess"]
}
