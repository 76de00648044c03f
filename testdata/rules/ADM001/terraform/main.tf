# ADM001 - AdministratorAccess attached to a principal, by every Terraform path.
# Scanned as one module with its variables, terraform.tfvars, locals and the child module
# in modules/grant.

data "aws_partition" "current" {}

# Account id for the trust policy below.
data "aws_caller_identity" "current" {}

# ---- principals (not judged by this rule: what is attached to them is) ----

resource "aws_iam_user" "ops" {
  name = "ops"
}

# ops can sign in to the console: AdministratorAccess on it is critical.
resource "aws_iam_user_login_profile" "ops" {
  user    = aws_iam_user.ops.name
  pgp_key = "keybase:ops"
}

resource "aws_iam_user" "ci" {
  name = "ci"
}

# ci holds an access key: AdministratorAccess on it is critical.
resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

# auditor has neither a login profile nor an access key.
resource "aws_iam_user" "auditor" {
  name = "auditor"
}

# A group: attachments to it are high, never critical.
resource "aws_iam_group" "admins" {
  name = "admins"
}

resource "aws_iam_role" "deploy" {
  name = "deploy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "codebuild.amazonaws.com" }
    }]
  })
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws-us-gov:iam::aws:policy/AdministratorAccess", # Noncompliant {{role "deploy" (aws_iam_role.deploy)}}
  ]
}

# Roles without managed_policy_arns: nothing attached here.
resource "aws_iam_role" "china" {
  name               = "china-ops"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "support" {
  name               = "support"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role" "platform" {
  name               = "platform"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

# A trust policy: not an attachment.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

# The permission set itself attaches nothing.
resource "aws_ssoadmin_permission_set" "admins" {
  name         = "Admins"
  instance_arn = "arn:aws:sso:::instance/ssoins-0123456789abcdef"
}

# ---- user attachments ----

resource "aws_iam_user_policy_attachment" "ops_admin" {
  user       = aws_iam_user.ops.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{the user has console access or an access key}}
}

resource "aws_iam_user_policy_attachment" "auditor_admin" {
  user       = aws_iam_user.auditor.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{user "auditor" (aws_iam_user.auditor)}}
}

# The value comes from terraform.tfvars, which overrides the ReadOnlyAccess default.
resource "aws_iam_user_policy_attachment" "ops_from_tfvars" {
  user       = aws_iam_user.ops.name
  policy_arn = var.ops_policy_arn # Noncompliant {{terraform.tfvars}}
}

# Compliant: the variable has no default and no value, so the policy is unknown.
resource "aws_iam_user_policy_attachment" "auditor_extra" {
  user       = aws_iam_user.auditor.name
  policy_arn = var.extra_policy_arn
}

# ---- group attachments ----

# The partition comes from data.aws_partition.
resource "aws_iam_group_policy_attachment" "admins" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AdministratorAccess" # Noncompliant {{data.aws_partition}}
}

# Unknown partition: the rest of the ARN still names AdministratorAccess.
resource "aws_iam_group_policy_attachment" "admins_any_partition" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:${var.partition}:iam::aws:policy/AdministratorAccess" # Noncompliant
}

# The default of the variable is used as is.
resource "aws_iam_group_policy_attachment" "break_glass" {
  group      = aws_iam_group.admins.name
  policy_arn = var.break_glass_policy_arn # Noncompliant {{default of variable break_glass_policy_arn}}
}

# A value in terraform.tfvars for a variable that is not declared still counts.
resource "aws_iam_group_policy_attachment" "legacy" {
  group      = aws_iam_group.admins.name
  policy_arn = var.legacy_admin_arn # Noncompliant
}

# Compliant: look-alikes (another AWS managed policy, a customer policy named
# AdministratorAccess, a longer name).
resource "aws_iam_group_policy_attachment" "lookalike" {
  count      = length(local.lookalikes)
  group      = aws_iam_group.admins.name
  policy_arn = local.lookalikes[count.index]
}

# Compliant: the variable's default (a list of ReadOnlyAccess) is used.
resource "aws_iam_group_policy_attachment" "readers" {
  for_each   = toset(var.reader_policies)
  group      = aws_iam_group.admins.name
  policy_arn = each.value
}

# ---- role attachments ----

resource "aws_iam_role_policy_attachment" "china" {
  role       = aws_iam_role.china.name
  policy_arn = "arn:${local.china_partition}:iam::aws:policy/AdministratorAccess" # Noncompliant {{role "china-ops"}}
}

# count: only instance [1] is AdministratorAccess.
resource "aws_iam_role_policy_attachment" "support" {
  count      = length(local.support_policy_names)
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/${local.support_policy_names[count.index]}" # Noncompliant {{role "support"}}
}

# for_each: only instance ["admin"] is AdministratorAccess.
resource "aws_iam_role_policy_attachment" "platform" {
  for_each   = local.platform_policies
  role       = aws_iam_role.platform.name
  policy_arn = each.value # Noncompliant {{role "platform"}}
}

# is_production is "false" (a string boolean, from terraform.tfvars): the second branch is taken.
resource "aws_iam_role_policy_attachment" "deploy_env" {
  role = aws_iam_role.deploy.name
  policy_arn = (var.is_production ? "arn:aws:iam::aws:policy/PowerUserAccess"
  : "arn:aws:iam::aws:policy/AdministratorAccess") # Noncompliant
}

# A path in the ARN does not hide the policy name.
resource "aws_iam_role_policy_attachment" "with_path" {
  role       = aws_iam_role.support.name
  policy_arn = "arn:aws:iam::aws:policy/job-function/AdministratorAccess" # Noncompliant
}

# Compliant: a customer policy created here (ADM003 judges its document, not this rule).
resource "aws_iam_policy" "deploy" {
  name = "deploy"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }]
  })
}

# Compliant: the customer policy's ARN is known only after apply and is not an AWS managed policy.
resource "aws_iam_role_policy_attachment" "deploy_custom" {
  role       = aws_iam_role.deploy.name
  policy_arn = aws_iam_policy.deploy.arn
}

# ---- aws_iam_policy_attachment: one finding per user, group and role ----

resource "aws_iam_policy_attachment" "everyone" {
  name       = "everyone"
  users      = [aws_iam_user.ci.name]
  groups     = [aws_iam_group.admins.name]
  roles      = [aws_iam_role.support.name]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant 3
}

# Compliant: no principal at all.
resource "aws_iam_policy_attachment" "nobody" {
  name       = "nobody"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# ---- exclusive attachments ----

resource "aws_iam_role_policy_attachments_exclusive" "deploy" {
  role_name = aws_iam_role.deploy.name
  policy_arns = [
    "arn:aws:iam::aws:policy/ReadOnlyAccess",
    "arn:aws-iso-b:iam::aws:policy/AdministratorAccess", # Noncompliant
  ]
}

resource "aws_iam_user_policy_attachments_exclusive" "ci" {
  user_name   = aws_iam_user.ci.name
  policy_arns = ["arn:aws-iso:iam::aws:policy/AdministratorAccess"] # Noncompliant {{user "ci" (aws_iam_user.ci): the user has console access or an access key}}
}

# AWS European Sovereign Cloud partition.
resource "aws_iam_group_policy_attachment" "sovereign" {
  group      = aws_iam_group.admins.name
  policy_arn = "arn:aws-eusc:iam::aws:policy/AdministratorAccess" # Noncompliant
}

# The group is not declared here: its name is enough.
resource "aws_iam_group_policy_attachments_exclusive" "external" {
  group_name  = "external-admins"
  policy_arns = ["arn:aws-iso-f:iam::aws:policy/AdministratorAccess"] # Noncompliant {{group "external-admins"}}
}

# ---- IAM Identity Center ----

resource "aws_ssoadmin_managed_policy_attachment" "admins" {
  instance_arn       = aws_ssoadmin_permission_set.admins.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admins.arn
  managed_policy_arn = "arn:aws-iso-e:iam::aws:policy/AdministratorAccess" # Noncompliant {{permission set}}
}

# Compliant: ViewOnlyAccess under its job-function path.
resource "aws_ssoadmin_managed_policy_attachment" "viewers" {
  instance_arn       = aws_ssoadmin_permission_set.admins.instance_arn
  permission_set_arn = aws_ssoadmin_permission_set.admins.arn
  managed_policy_arn = "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"
}

# ---- a child module, called twice ----

module "grant_admin" {
  source     = "./modules/grant"
  role_name  = aws_iam_role.platform.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Compliant call: ReadOnlyAccess.
module "grant_reader" {
  source     = "./modules/grant"
  role_name  = aws_iam_role.platform.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# ---- data "aws_iam_policy", functions, unknown principals ----
# (AdministratorAccess through data "aws_iam_policy" is in ../terraform-gaps.)

# Compliant: the data source names ReadOnlyAccess.
data "aws_iam_policy" "reader" {
  arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Compliant: ReadOnlyAccess through the data source.
resource "aws_iam_role_policy_attachment" "support_reader" {
  role       = aws_iam_role.support.name
  policy_arn = data.aws_iam_policy.reader.arn
}

resource "aws_iam_role_policy_attachment" "formatted" {
  role       = aws_iam_role.platform.name
  policy_arn = format("arn:%s:iam::aws:policy/%s", data.aws_partition.current.partition, "AdministratorAccess") # Noncompliant
}

resource "aws_iam_policy_attachment" "unknown_users" {
  name       = "unknown-users"
  users      = var.admin_users
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{a user whose name is not known}}
}
