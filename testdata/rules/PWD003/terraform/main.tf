# PWD003 - character classes the account password policy does not require. Each of
# require_uppercase_characters, require_lowercase_characters, require_numbers and
# require_symbols that is missing (default false, reported at the resource) or false (reported
# at the value) gives its own finding.

# None set: four findings at the resource.
resource "aws_iam_account_password_policy" "bare" { # Noncompliant 4
  minimum_password_length   = 14
  password_reuse_prevention = 24
}

# Numbers and symbols missing: two findings at the resource.
resource "aws_iam_account_password_policy" "letters_only" { # Noncompliant {{does not set require_numbers (default false)}}
  # Noncompliant@-1 {{does not set require_symbols}}
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
}

# Explicit false, as a boolean and as a string; null is the same as missing.
resource "aws_iam_account_password_policy" "explicit" { # Noncompliant {{require_lowercase_characters}}
  minimum_password_length      = 14
  require_uppercase_characters = false # Noncompliant {{sets require_uppercase_characters to false}}
  require_lowercase_characters = null
  require_numbers              = "false" # Noncompliant
  require_symbols              = true
}

# Compliant: all four required, also as strings.
resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = "true"
  require_numbers              = true
  require_symbols              = "true"
}

# Variables: a default false (reported at the use), a tfvars value false for a variable whose
# default is true, a tfvars value true for a variable whose default is false (compliant), and a
# variable without value (unknown, compliant).
resource "aws_iam_account_password_policy" "from_variables" {
  minimum_password_length      = 14
  require_uppercase_characters = var.require_upper # Noncompliant {{default of variable require_upper}}
  require_lowercase_characters = var.require_lower # Noncompliant {{terraform.tfvars}}
  require_numbers              = var.require_numbers
  require_symbols              = var.require_symbols
}

# A conditional on an unknown variable: its false branch is reported; a conditional whose two
# branches are true is compliant.
resource "aws_iam_account_password_policy" "conditional" {
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = var.require_symbols ? true : true
  require_symbols              = var.require_symbols ? true : false # Noncompliant {{false branch}}
}

# From a local (reported at the use).
resource "aws_iam_account_password_policy" "from_local" {
  minimum_password_length      = 14
  require_uppercase_characters = local.classes.upper
  require_lowercase_characters = local.classes.lower
  require_numbers              = local.classes.numbers
  require_symbols              = local.classes.symbols # Noncompliant
}

# for_each: only the "legacy" instance disables numbers.
resource "aws_iam_account_password_policy" "per_env" {
  for_each                     = { current = true, legacy = false }
  minimum_password_length      = 14
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = each.value # Noncompliant
  require_symbols              = true
}
