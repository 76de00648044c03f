# A role whose name the provider generates (name = null, name_prefix set) exists: the message
# names it by its address, never as a missing role.
resource "aws_iam_role" "this" {
  name        = null
  name_prefix = "ops-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "admin" {
  role       = aws_iam_role.this.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role aws_iam_role.this}}
}
