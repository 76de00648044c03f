# ADM003 regression - a policy written as JSON text is located where the text is written, never
# where the string is used: a heredoc given to a module argument is reported in the caller's file
# (not at the child's var.policy), one returned by another module's output in that module's file,
# one in a local at the local (not at a multi-line expression that uses it).

provider "aws" {
  region = "eu-west-1"
}

module "child" {
  source = "./modules/child"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
EOF
}
# Noncompliant@-7 {{Policy "child"}}

module "doc" {
  source = "./modules/doc"
}

resource "aws_iam_policy" "from_output" {
  name = "from-output"
  policy = (
    module.doc.policy
  )
}

variable "enabled" {
  type    = bool
  default = true
}

locals {
  admin = <<EOF
{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}
}
EOF
}
# Noncompliant@-4 {{Policy "local"}}

resource "aws_iam_role_policy" "local" {
  name = "local"
  role = "app"
  policy = (var.enabled
    ? local.admin
    : "{}"
  )
}
