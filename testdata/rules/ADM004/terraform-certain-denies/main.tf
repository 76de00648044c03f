# ADM004 - allow and deny iam:* in one policy (compliant); a Deny in another policy of the same
# role (compliant); a Deny on one queue only (reported).

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

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ecs-tasks.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "buckets" {
  name = "buckets"
  role = aws_iam_role.app.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_iam_role_policy" "no_buckets" {
  name = "no-buckets"
  role = aws_iam_role.app.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "s3:*", Resource = "*" }]
  })
}

resource "aws_iam_role_policy" "queues" {
  name = "queues"
  role = aws_iam_role.app.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "sqs:*", Resource = "*" }, # Noncompliant
      { Effect = "Deny", Action = "sqs:*", Resource = "arn:aws:sqs:eu-west-1:123456789012:audit" },
    ]
  })
}
