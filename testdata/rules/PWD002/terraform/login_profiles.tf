# PWD002 - the initial console password the provider generates: password_length below 14.
# Missing password_length means the provider default of 20 characters (not reported).

resource "aws_iam_user" "alice" {
  name = "alice"
}

resource "aws_iam_user_login_profile" "short" {
  user                    = aws_iam_user.alice.name
  pgp_key                 = "keybase:alice"
  password_length         = 10 # Noncompliant {{is generated with 10 characters}}
  password_reset_required = true
}

resource "aws_iam_user_login_profile" "string_short" {
  user            = aws_iam_user.alice.name
  pgp_key         = "keybase:alice"
  password_length = "12" # Noncompliant
}

resource "aws_iam_user_login_profile" "from_variable" {
  user            = aws_iam_user.alice.name
  pgp_key         = "keybase:alice"
  password_length = var.initial_password_length # Noncompliant {{initial_password_length}}
}

# Compliant: default length (20), exactly 14, and a variable without value.
resource "aws_iam_user_login_profile" "default_length" {
  user    = aws_iam_user.alice.name
  pgp_key = "keybase:alice"
}

resource "aws_iam_user_login_profile" "fourteen" {
  user            = aws_iam_user.alice.name
  pgp_key         = "keybase:alice"
  password_length = 14
}

resource "aws_iam_user_login_profile" "unknown" {
  user            = aws_iam_user.alice.name
  pgp_key         = "keybase:alice"
  password_length = var.external_password_length
}

# for_each: each instance gets its own length; only "contractor" is short.
resource "aws_iam_user_login_profile" "per_user" {
  for_each        = { staff = 20, contractor = 8 }
  user            = each.key
  pgp_key         = "keybase:security"
  password_length = each.value # Noncompliant {{per_user["contractor"]}}
}
