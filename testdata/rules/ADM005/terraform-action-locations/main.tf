# ADM005 - located at the list item that grants the path's first action (iam:PassRole), not at
# "Action = [".

resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy" "p" {
  role = aws_iam_role.r.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "s3:GetObject",
        "iam:PassRole", # Noncompliant {{launch an instance}}
        "ec2:RunInstances",
      ]
      Resource = "*"
    }]
  })
}
