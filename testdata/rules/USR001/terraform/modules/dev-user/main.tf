variable "name" {
  type = string
}

# The user of the inline policy below.
resource "aws_iam_user" "this" {
  name = var.name
}

# Called once (module.carol).
resource "aws_iam_user_policy" "this" { # Noncompliant {{user "carol"}}
  name = "${var.name}-inline"
  user = aws_iam_user.this.name
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "codecommit:GitPull", Resource = "*" }]
  })
}
