# KEY003 - aws_iam_access_key without pgp_key: the secret (and ses_smtp_password_v4) lands in the
# Terraform state in clear. Reported at the resource, whatever the key's status.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" { # Noncompliant {{stored in the Terraform state in clear (no pgp_key)}}
  user = aws_iam_user.ci.name
}

# Inactive keys count too: the secret is in the state, and the key can be activated later.
resource "aws_iam_access_key" "ci_inactive" { # Noncompliant {{The secret of access key aws_iam_access_key.ci_inactive is stored}}
  user   = aws_iam_user.ci.name
  status = "Inactive"
}

# pgp_key = null is the same as no pgp_key.
resource "aws_iam_access_key" "ci_null" { # Noncompliant {{set pgp_key}}
  user    = aws_iam_user.ci.name
  pgp_key = null
}

# A variable whose default is null: no pgp_key either.
resource "aws_iam_access_key" "ci_null_variable" { # Noncompliant
  user    = aws_iam_user.ci.name
  pgp_key = var.optional_pgp_key
}

# Compliant: a keybase user, a base64 public key from a variable default, a variable without any
# value (any pgp_key counts, even unresolved), and a file.
resource "aws_iam_access_key" "keybase" {
  user    = aws_iam_user.ci.name
  pgp_key = "keybase:security_team"
}

resource "aws_iam_access_key" "from_default" {
  user    = aws_iam_user.ci.name
  pgp_key = var.security_pgp_key
}

resource "aws_iam_access_key" "unknown" {
  user    = aws_iam_user.ci.name
  pgp_key = var.external_pgp_key
}

resource "aws_iam_access_key" "from_local" {
  user    = aws_iam_user.ci.name
  pgp_key = local.pgp_key
}

# count and for_each: one finding per instance.
resource "aws_iam_access_key" "rotation" { # Noncompliant 2 {{anyone who can read the state has the key}}
  count = 2
  user  = aws_iam_user.ci.name
}

resource "aws_iam_access_key" "per_service" { # Noncompliant 3
  for_each = toset(["billing", "reports", "search"])
  user     = each.key
}

# Compliant: count = 0 creates no key.
resource "aws_iam_access_key" "disabled" {
  count = 0
  user  = aws_iam_user.ci.name
}

locals {
  pgp_key = "keybase:platform"
}

# A module creates the key: reported in the module, once per call that leaves pgp_key unset.
module "reports_user" {
  source = "./modules/service_user"
  name   = "reports"
}

module "billing_user" {
  source  = "./modules/service_user"
  name    = "billing"
  pgp_key = "keybase:finance"
}
