variable "name" {
  type = string
}

variable "action" {
  type = string
}

# Called by module.admin_policy ("*") and module.reader_policy (compliant).
resource "aws_iam_policy" "this" {
  name = var.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = var.action # Noncompliant {{from argument action of module.admin_policy}}
      Resource = "*"
    }]
  })
}
