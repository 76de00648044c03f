# Compliant for PWD001 even with no settings at all (AWS defaults apply).
resource "aws_iam_account_password_policy" "this" {
}
