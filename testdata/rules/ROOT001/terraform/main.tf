# ROOT001 - an access key for the root user: the user name is exactly "root" after
# evaluation, case-insensitive; an inactive key still counts.

resource "aws_iam_access_key" "literal" {
  user = "root" # Noncompliant {{Access key aws_iam_access_key.literal is created for the root user}}
}

# IAM user names are unique regardless of case.
resource "aws_iam_access_key" "upper" {
  user = "ROOT" # Noncompliant
}

# Inactive, but it can be re-activated.
resource "aws_iam_access_key" "inactive" {
  user   = "root" # Noncompliant
  status = "Inactive"
}

# From terraform.tfvars ("Root"), which overrides the default "ci".
resource "aws_iam_access_key" "automation" {
  user = var.automation_user # Noncompliant {{terraform.tfvars}}
}

# From the variable's default.
resource "aws_iam_access_key" "bootstrap" {
  user = var.bootstrap_user # Noncompliant {{default of variable bootstrap_user}}
}

# Compliant: the variable has no value.
resource "aws_iam_access_key" "break_glass" {
  user = var.break_glass_user
}

# Compliant: names that contain "root" but are not "root".
resource "aws_iam_access_key" "lookalike" {
  for_each = toset(["root-ops", "rootkit", "chroot", "ro-ot"])
  user     = each.value
}

# for_each: only the "root" instance.
resource "aws_iam_access_key" "by_name" {
  for_each = toset(["deploy", "root"])
  user     = each.key # Noncompliant {{aws_iam_access_key.by_name["root"]}}
}

# An IAM user resource literally named root (aws_iam_user.root.name is in ../terraform-gaps).
resource "aws_iam_user" "root" {
  name = "root"
}

# The id of an IAM user is its name: known only after apply, but resolved to aws_iam_user.root.
resource "aws_iam_access_key" "by_id" {
  user = aws_iam_user.root.id # Noncompliant {{aws_iam_access_key.by_id}}
}

# Compliant: the resource is called "root" but the user's name is "platform-root".
resource "aws_iam_user" "platform" {
  name = "platform-root"
}

# Compliant: the key's user is "platform-root".
resource "aws_iam_access_key" "platform" {
  user = aws_iam_user.platform.name
}

# A conditional whose decided branch is "root".
resource "aws_iam_access_key" "conditional" {
  user = var.automation_user == "ci" ? "ci" : "root" # Noncompliant
}

# Passes "root" (reported in the module, at its use).
module "root_key" {
  source = "./modules/key"
  user   = "root"
}

# Compliant call: "ci".
module "ci_key" {
  source = "./modules/key"
  user   = "ci"
}

# From terraform.tfvars.json.
resource "aws_iam_access_key" "from_json_vars" {
  user = var.json_user # Noncompliant {{terraform.tfvars.json}}
}
