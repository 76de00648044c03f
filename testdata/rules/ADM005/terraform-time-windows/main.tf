# ADM005 - the shape of iam-vulnerable's fp5 (a closed aws:TokenIssueTime window, compliant) and
# fn3 (a window that opened in 2020, reported), judged as on 2026-06-15.

data "aws_iam_policy_document" "closed" {
  statement {
    actions   = ["iam:CreatePolicyVersion"]
    resources = ["*"]
    condition {
      test     = "DateLessThan"
      variable = "aws:TokenIssueTime"
      values   = ["2020-01-01T00:00:01Z"]
    }
  }
}

resource "aws_iam_policy" "closed" {
  name   = "closed"
  policy = data.aws_iam_policy_document.closed.json
}

data "aws_iam_policy_document" "open" {
  statement {
    actions   = ["iam:CreatePolicyVersion"] # Noncompliant {{Whoever policy "open" is attached to can escalate their privileges}}
    resources = ["*"]
    condition {
      test     = "DateGreaterThan"
      variable = "aws:TokenIssueTime"
      values   = ["2020-01-01T00:00:01Z"]
    }
  }
}

resource "aws_iam_policy" "open" {
  name   = "open"
  policy = data.aws_iam_policy_document.open.json
}

# Compliant: a closed window in a role's inline policy; the role's other policies grant nothing.
resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "r" {
  name = "r"
  role = aws_iam_role.r.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = ["iam:PassRole", "ec2:RunInstances"]
      Resource  = "*"
      Condition = { DateLessThanEquals = { "aws:CurrentTime" = "2026-06-14T23:59:59Z" } }
    }]
  })
}
