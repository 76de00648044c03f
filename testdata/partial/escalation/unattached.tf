# Policies no principal of the project holds: ADM005 judges each alone. The managed policy's
# actions come from variables.tf, the inline policy's document from documents.tf.
resource "aws_iam_policy" "orphan" {
  name = "orphan"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = var.orphan_actions, Resource = "*" }]
  })
}

resource "aws_iam_role_policy" "elsewhere" {
  name   = "elsewhere"
  role   = "role-of-another-stack"
  policy = data.aws_iam_policy_document.elsewhere.json
}
