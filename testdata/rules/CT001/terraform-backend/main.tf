# No provider block (credentials and region from the environment), but a backend: a root
# module that is run, so a deployment.
terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "iam/terraform.tfstate"
    region = "eu-west-1"
  }
}

resource "aws_iam_user" "ci" { # Noncompliant {{no CloudTrail trail}}
  name = "ci"
}
