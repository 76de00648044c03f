# KEY003 gaps - Terraform.

resource "aws_iam_user" "ci" {
  name = "ci"
}

# 1. A conditional pgp_key with a null branch. Values are evaluated branch by branch elsewhere
#    (rules.md conventions; KEY003 metadata: "pgp_key = null is the same as no pgp_key"). When
#    var.encrypt_secrets is false, this key has no pgp_key and its secret is stored in clear; the
#    null branch should be reported like any other branch, and is reported at that branch.
resource "aws_iam_access_key" "maybe_encrypted" {
  user    = aws_iam_user.ci.name
  pgp_key = var.encrypt_secrets ? "keybase:security_team" : null # Noncompliant {{pgp_key is empty}}
}

variable "encrypt_secrets" {
  type = bool
}

# 2. An empty pgp_key. The AWS provider reads pgp_key with GetOk, for which "" is not set: it
#    then stores the secret in clear (secret / ses_smtp_password_v4, no encrypted_secret). An empty pgp_key is no key.
resource "aws_iam_access_key" "empty_pgp_key" {
  user    = aws_iam_user.ci.name
  pgp_key = "" # Noncompliant {{pgp_key is empty}}
}
