# ADM005 - sessions reach an instance through the instance resource, not through SSM documents.

resource "aws_iam_group" "sessions" {
  name = "sessions"
}

resource "aws_iam_group_policy" "sessions" {
  group = aws_iam_group.sessions.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "ssm:StartSession" # Noncompliant {{Members of group "sessions" (aws_iam_group.sessions) can escalate their privileges: open a shell on a managed instance}}
      Resource = ["arn:aws:ec2:*:*:instance/*", "arn:aws:ssm:*:*:document/*"]
    }]
  })
}

resource "aws_iam_group" "documents" {
  name = "documents"
}

# Documents only: no session opens, no command runs.
resource "aws_iam_group_policy" "documents" {
  group = aws_iam_group.documents.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ssm:StartSession", "ssm:SendCommand"]
      Resource = "arn:aws:ssm:*:*:document/*"
    }]
  })
}
