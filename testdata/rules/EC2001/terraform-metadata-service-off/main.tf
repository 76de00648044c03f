# EC2001 - instances whose metadata service is turned off cannot fetch role credentials:
# no instance profile is their design (a machine that stands for an on-premises host).

provider "aws" {
  region = "eu-west-1"
}

resource "aws_instance" "offline" {
  ami           = "ami-12345678"
  instance_type = "m5.large"

  metadata_options {
    http_endpoint = "disabled"
  }
}

# IMDSv2 only, the service still on: the profile is missing.
resource "aws_instance" "hardened" { # Noncompliant {{EC2 instance aws_instance.hardened has no instance profile}}
  ami           = "ami-12345678"
  instance_type = "m5.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "required"
  }
}

# Turned off through a local: still known.
locals {
  imds = "disabled"
}

resource "aws_launch_template" "offline" {
  name = "offline"
  metadata_options {
    http_endpoint = local.imds
  }
}
