# ADM003 - Denies in another policy of the same user, or in the same document, cancel the
# finding when they certainly cover every action on every resource.

resource "aws_iam_user" "locked" {
  name = "locked"
}

resource "aws_iam_policy" "allow_all" {
  name = "allow-all"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }]
  })
}

resource "aws_iam_policy" "deny_all" {
  name = "deny-all"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "*", Resource = "*" }]
  })
}

# Compliant: the user's other policy denies everything.
resource "aws_iam_user_policy_attachment" "allow" {
  user       = aws_iam_user.locked.name
  policy_arn = aws_iam_policy.allow_all.arn
}

resource "aws_iam_user_policy_attachment" "deny" {
  user       = aws_iam_user.locked.name
  policy_arn = aws_iam_policy.deny_all.arn
}

resource "aws_iam_user" "open" {
  name = "open"
}

# The Deny only takes IAM away (and user "open" has no other policy).
resource "aws_iam_user_policy" "partial" {
  name = "partial"
  user = aws_iam_user.open.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "*", Resource = "*" }, # Noncompliant
      { Effect = "Deny", Action = "iam:*", Resource = "*" },
    ]
  })
}

# Compliant: a document that allows and denies everything.
data "aws_iam_policy_document" "allow_and_deny" {
  statement {
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
  }
}

# A Deny limited to one region may not apply.
data "aws_iam_policy_document" "regional_deny" {
  statement {
    actions   = ["*"] # Noncompliant
    resources = ["*"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-1"]
    }
  }
}
