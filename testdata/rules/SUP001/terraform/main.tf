# SUP001 - iamlint:ignore comments in Terraform, with # and //.

# Compliant: reason and date; covers the whole resource below.
# iamlint:ignore ADM001 until=2099-12-31 -- break-glass role, reviewed 2026-11
resource "aws_iam_role_policy_attachment" "breakglass" {
  role       = "breakglass"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Noncompliant@+1 {{expired on 2021-06-30}}
// iamlint:ignore admin-policy-attached until=2021-06-30 -- migration
resource "aws_iam_role_policy_attachment" "migration" {
  role       = "migration"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "reader" {
  role       = "reader"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # iamlint:ignore ADM001 -- stale # Noncompliant {{matches no finding}}
}
