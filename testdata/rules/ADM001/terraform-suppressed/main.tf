# ADM001 - a suppression comment above the resource hides the finding; one without a reason
# does not (SUP001 reports it).

# iamlint:ignore ADM001 -- break-glass role, reviewed 2026-11
resource "aws_iam_role_policy_attachment" "breakglass" {
  role       = "breakglass"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# iamlint:ignore ADM001
resource "aws_iam_role_policy_attachment" "ops" {
  role       = "ops"
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess}}
}
