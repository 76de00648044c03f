# ADM001 gaps with data "aws_iam_policy". rules.md: AdministratorAccess is recognised "by ARN or
# by data "aws_iam_policy"" ("the policy named through data "aws_iam_policy" (by name or arn)"),
# and "Location: the offending value (attribute/property ...)".
# 1. Looked up by name: the attachments are not reported at all.
# 2. Looked up by ARN: reported, but located at the ARN inside the data source, not at
#    the attachment's policy_arn; two attachments using the same data source share that line.
# Both are expected at the attribute of the attaching resource.
# 3. Same location problem with a local (locals.tf) and a child module's output: the value is
#    reported where it is written (locals.tf, modules/arn/main.tf), outside the attaching
#    resource; a variable's value is reported at the attribute that uses it (with "from default
#    of variable ..."), and so should these be (with "from local.x" / "from module output").

resource "aws_iam_role" "ops" {
  name = "ops"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
  managed_policy_arns = [
    data.aws_iam_policy.administrator.arn, # Noncompliant {{role "ops"}}
  ]
}

# AdministratorAccess, looked up by name.
data "aws_iam_policy" "administrator" {
  name = "AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "ops" {
  role       = aws_iam_role.ops.name
  policy_arn = data.aws_iam_policy.administrator.arn # Noncompliant {{role "ops"}}
}

resource "aws_iam_group_policy_attachment" "admins" {
  group      = "admins"
  policy_arn = data.aws_iam_policy.administrator_by_arn.arn # Noncompliant {{group "admins"}}
}

# AdministratorAccess, looked up by ARN.
data "aws_iam_policy" "administrator_by_arn" {
  arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_user_policy_attachment" "breakglass" {
  user       = "breakglass"
  policy_arn = data.aws_iam_policy.administrator_by_arn.arn # Noncompliant {{user "breakglass"}}
}

# Compliant: ReadOnlyAccess looked up by name.
data "aws_iam_policy" "reader" {
  name = "ReadOnlyAccess"
}

# Compliant: ReadOnlyAccess.
resource "aws_iam_role_policy_attachment" "reader" {
  role       = aws_iam_role.ops.name
  policy_arn = data.aws_iam_policy.reader.arn
}

resource "aws_iam_role_policy_attachment" "from_local" {
  role       = aws_iam_role.ops.name
  policy_arn = local.admin_arn # Noncompliant {{role "ops"}}
}

# count over a local list: instance [1] is AdministratorAccess.
resource "aws_iam_role_policy_attachment" "from_local_list" {
  count      = length(local.arns)
  role       = aws_iam_role.ops.name
  policy_arn = local.arns[count.index] # Noncompliant {{role "ops"}}
}

module "arn" {
  source = "./modules/arn"
}

resource "aws_iam_group_policy_attachment" "from_module" {
  group      = "admins"
  policy_arn = module.arn.admin # Noncompliant {{group "admins"}}
}
