# ADM002 - a managed policy that grants all of IAM says so, for any holder: naming one escalation
# path (a new version of a customer policy one holds) would describe a path that a role holding
# no customer policy does not have (reported with what it grants). Read-only IAM is compliant.

resource "aws_iam_role" "identity_admin" {
  name = "identity-admin"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "full" {
  role       = aws_iam_role.identity_admin.name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess" # Noncompliant {{it grants every action of iam on every resource}}
}

resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.identity_admin.name
  policy_arn = "arn:aws:iam::aws:policy/IAMReadOnlyAccess"
}
