resource "aws_iam_access_key" "people" { # Noncompliant {{aws_iam_user.people["carol"]}}
  for_each = aws_iam_user.people
  user     = each.value.name
  pgp_key  = "keybase:security"
}
