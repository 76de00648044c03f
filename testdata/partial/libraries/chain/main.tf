resource "aws_iam_role" "ops_admin" {
  name = "ops-admin"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:user/bob" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "ops_admin" {
  role       = aws_iam_role.ops_admin.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
