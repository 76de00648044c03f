variable "name" {
  type = string
}

variable "role" {
  type    = string
  default = null
}

# module.orphan passes no role; module.worker passes one (compliant).
resource "aws_iam_instance_profile" "this" { # Noncompliant {{Instance profile module.orphan.aws_iam_instance_profile.this has no role}}
  name = var.name
  role = var.role
}

output "id" {
  value = aws_iam_instance_profile.this.id
}
