# ADM006 - the BishopFox fp1 shape (allow and deny iam:* in one policy, attached to a user and a
# role) is compliant; a Deny on one role leaves the others passable.

resource "aws_iam_policy" "allow_and_deny" {
  name = "allow-and-deny"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:*", Resource = "*" },
      { Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}

resource "aws_iam_user" "u" {
  name = "u"
}

resource "aws_iam_user_policy_attachment" "u" {
  user       = aws_iam_user.u.name
  policy_arn = aws_iam_policy.allow_and_deny.arn
}

resource "aws_iam_policy" "one_role_denied" {
  name = "one-role-denied"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "iam:PassRole", Resource = "*" }, # Noncompliant
      { Effect = "Deny", Action = "iam:PassRole", Resource = "arn:aws:iam::123456789012:role/admin" },
    ]
  })
}
