provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAZQ4TN3XK7PLWV2QH" # Noncompliant {{provider aws (access_key)}}
  secret_key = var.secret # Noncompliant {{secret access key}}
}

variable "secret" {
  default = "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"
}

resource "aws_lambda_function" "fn" {
  function_name = "fn"
  role          = "arn:aws:iam::111122223333:role/fn"
  runtime       = "python3.12"
  handler       = "index.handler"
  filename      = "fn.zip"
  environment {
    variables = {
      KEY = "AKIAZQ4TN3XK7PLWV2QH" # Noncompliant
      # compliant: not a key
      MODE = "production"
    }
  }
}

module "remote" {
  source  = "terraform-aws-modules/ec2-instance/aws"
  version = "~> 5.0"
  key_id  = "AKIAWM5RJ8DHBT3KQ7LN" # Noncompliant {{module remote}}
}

# compliant: no literal credentials
provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}
