# PWD007 - an aws_iam_user_login_profile without pgp_key: the provider writes the generated
# console password into the Terraform state in clear. Reported at the resource.

resource "aws_iam_user" "ops" {
  name = "ops"
}

# Users are not judged by this rule, their login profiles are.
resource "aws_iam_user" "console" {
  for_each = var.console_users
  name     = each.value
}

resource "aws_iam_user_login_profile" "ops" { # Noncompliant {{The console password of user "ops" (aws_iam_user.ops) is generated and stored in the Terraform state in clear (no pgp_key)}}
  user                    = aws_iam_user.ops.name
  password_reset_required = true
}

# Compliant: the password is encrypted with a PGP key.
resource "aws_iam_user_login_profile" "ops_encrypted" {
  user    = aws_iam_user.ops.name
  pgp_key = "keybase:ops"
}

# null is the same as no pgp_key.
resource "aws_iam_user_login_profile" "explicit_null" { # Noncompliant
  user    = "explicit-null"
  pgp_key = null
}

# The variable's default is null.
resource "aws_iam_user_login_profile" "default_null" { # Noncompliant {{user "default-null"}}
  user    = "default-null"
  pgp_key = var.default_pgp_key
}

# Compliant: terraform.tfvars sets the key.
resource "aws_iam_user_login_profile" "team" {
  user    = "team"
  pgp_key = var.team_pgp_key
}

# Compliant: a key is given, its value is unknown (variable without value).
resource "aws_iam_user_login_profile" "security" {
  user    = "security"
  pgp_key = var.security_pgp_key
}

# encrypt_passwords is false: the null branch is taken.
resource "aws_iam_user_login_profile" "switched" { # Noncompliant
  user    = "switched"
  pgp_key = var.encrypt_passwords ? "keybase:switched" : null
}

# for_each: one login profile per console user, none encrypted.
resource "aws_iam_user_login_profile" "console" { # Noncompliant 2
  for_each = aws_iam_user.console
  user     = each.value.name
}

# count: instance [1] has no key.
resource "aws_iam_user_login_profile" "pair" { # Noncompliant {{user "pair-1"}}
  count   = 2
  user    = "pair-${count.index}"
  pgp_key = count.index == 0 ? "keybase:pair" : null
}

# No pgp_key (reported in the module, at its resource).
module "carol" {
  source = "./modules/console-user"
  name   = "carol"
}

# Compliant call: a pgp_key.
module "dave" {
  source  = "./modules/console-user"
  name    = "dave"
  pgp_key = "keybase:dave"
}
