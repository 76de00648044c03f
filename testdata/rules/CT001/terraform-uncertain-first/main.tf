provider "aws" {
  region = "eu-west-1"
}

variable "create_ci" {
  type = bool
}

# May not be created: the project-level finding goes to an element that certainly exists.
resource "aws_iam_user" "ci" {
  count = var.create_ci ? 1 : 0
  name  = "ci"
}

resource "aws_iam_user" "alice" { # Noncompliant {{no CloudTrail trail}}
  name = "alice"
}
