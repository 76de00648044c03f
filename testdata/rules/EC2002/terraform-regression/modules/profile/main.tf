variable "name" {
  type = string
}

# No role (reported here, correctly).
resource "aws_iam_instance_profile" "this" { # Noncompliant {{Instance profile module.orphan.aws_iam_instance_profile.this has no role}}
  name = var.name
}

output "name" {
  value = aws_iam_instance_profile.this.name
}
