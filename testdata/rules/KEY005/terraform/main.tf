# KEY005 - access keys of users who also have a login profile (console access). Users, login
# profiles and keys are matched by reference or by resolved name (case-insensitive), across
# files. Reported at the aws_iam_access_key resource.

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "alice" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_reset_required = true
}

# By reference; status missing means Active.
resource "aws_iam_access_key" "alice" { # Noncompliant {{Access key aws_iam_access_key.alice is created for aws_iam_user.alice, who also signs in to the console}}
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}

# By literal name in another case, status "Active".
resource "aws_iam_access_key" "alice_by_name" { # Noncompliant
  user    = "Alice"
  status  = "Active"
  pgp_key = "keybase:alice"
}

# count: two keys, two findings.
resource "aws_iam_access_key" "alice_rotation" { # Noncompliant 2
  count   = 2
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}

# The status is a conditional on an unknown variable: the Active branch is reported.
resource "aws_iam_access_key" "alice_maybe" { # Noncompliant {{give console users no access keys}}
  user    = aws_iam_user.alice.name
  status  = var.keys_enabled ? "Active" : "Inactive"
  pgp_key = "keybase:alice"
}

# reported: any key of a console user counts, whatever its status (unknown, or Inactive from tfvars).
resource "aws_iam_access_key" "alice_unknown" { # Noncompliant
  user    = aws_iam_user.alice.name
  status  = var.external_status
  pgp_key = "keybase:alice"
}

resource "aws_iam_access_key" "alice_tfvars_inactive" { # Noncompliant
  user    = aws_iam_user.alice.name
  status  = var.legacy_status
  pgp_key = "keybase:alice"
}

# Compliant: a programmatic-only user (no login profile).
resource "aws_iam_user" "pipeline" {
  name = "pipeline"
}

resource "aws_iam_access_key" "pipeline" {
  user    = aws_iam_user.pipeline.name
  pgp_key = "keybase:platform"
}

# Compliant: a key and a login profile for a user that is not declared in the scan.
resource "aws_iam_user_login_profile" "external" {
  user    = "managed-elsewhere"
  pgp_key = "keybase:security"
}

resource "aws_iam_access_key" "external" {
  user    = "managed-elsewhere"
  pgp_key = "keybase:security"
}

variable "keys_enabled" {
  type = bool
}

variable "external_status" {
  type = string
}

variable "legacy_status" {
  type    = string
  default = "Active"
}
