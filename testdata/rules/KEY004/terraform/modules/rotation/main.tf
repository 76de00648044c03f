variable "user" {
  type = string
}

# The second active key of user "reporter" (the first is aws_iam_access_key.reporter).
resource "aws_iam_access_key" "next" { # Noncompliant {{User "reporter" has 2 active access keys}}
  user = var.user
}
