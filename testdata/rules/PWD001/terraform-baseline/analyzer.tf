# PWD001 - an account baseline (scanned with --account-baseline) with no login profile and no
# password policy: one finding, at the first resource of the scan (this file sorts first).
resource "aws_accessanalyzer_analyzer" "account" { # Noncompliant {{This account baseline defines no account password policy}}
  analyzer_name = "account"
  type          = "ACCOUNT"
}
