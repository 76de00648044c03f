# One user; the root modules team/ and solo/ call this module under the same address, module.u.
variable "name" {
  type = string
}

resource "aws_iam_user" "this" { # Noncompliant {{User "solo-user" (module.u.aws_iam_user.this) belongs to no group}}
  name = var.name
}

output "name" {
  value = aws_iam_user.this.name
}
