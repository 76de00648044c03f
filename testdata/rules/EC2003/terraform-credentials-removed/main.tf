# EC2003 - a script that takes static credentials away (unset, rm) or mentions them in a comment
# gives the workload none: it makes the CLI use the instance role (found by probing). Near miss:
# the same script that also exports a key.

# Compliant: removes keys, and a comment names them.
resource "aws_instance" "role_only" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"
  user_data            = <<-EOT
    #!/bin/bash
    # never export AWS_ACCESS_KEY_ID here: the instance profile gives credentials
    unset AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY
    rm -f /root/.aws/credentials
  EOT
}

resource "aws_instance" "exports" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"
  user_data            = <<-EOT
    #!/bin/bash
    unset AWS_SESSION
    export AWS_SECRET_ACCESS_KEY=$(cat /opt/app/secret)
  EOT
  # Noncompliant@-5 {{aws_secret_access_key}}
}
