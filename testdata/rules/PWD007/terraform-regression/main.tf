# PWD007 gaps (TF aws_iam_user_login_profile without pgp_key: "the generated password lands in
# state in clear").

# 1. An empty pgp_key: the provider tests d.GetOk("pgp_key"), which is false for "", and then
#    stores the password in clear (d.Set("password", ...)). Today "" counts as a key.
resource "aws_iam_user_login_profile" "empty_key" { # Noncompliant@+2 {{user "empty-key"}}
  user    = "empty-key"
  pgp_key = ""
}

# 2. A condition that cannot be decided (variable without value) with a null branch: other rules
#    (and this rule in CloudFormation) report the offending branch; here the key is taken as
#    given whatever the branch. Expected on the pgp_key line, where the null branch is.
variable "encrypt" {
  type = bool
}

resource "aws_iam_user_login_profile" "maybe" {
  user    = "maybe"
  pgp_key = var.encrypt ? "keybase:maybe" : null # Noncompliant {{user "maybe"}}
}

# Compliant: a real key.
resource "aws_iam_user_login_profile" "keyed" {
  user    = "keyed"
  pgp_key = "keybase:keyed"
}
