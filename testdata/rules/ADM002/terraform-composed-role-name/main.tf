# ADM002 - a role whose name is built around a generated suffix is still that role: the finding
# names it, not the resource the suffix comes from (reported, naming aws_iam_role.worker). A
# read-only policy on it is compliant.

resource "random_string" "suffix" {
  length  = 6
  special = false
}

resource "aws_iam_role" "worker" {
  name = "worker-${random_string.suffix.result}"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "s3" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3FullAccess" # Noncompliant {{attached to role aws_iam_role.worker}}
}

resource "aws_iam_role_policy_attachment" "read" {
  role       = aws_iam_role.worker.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"
}
