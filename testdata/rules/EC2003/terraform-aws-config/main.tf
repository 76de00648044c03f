# ~/.aws/config holds settings as well as keys: writing only settings gives no credentials.
resource "aws_instance" "settings_only" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"
  user_data            = <<-EOT
    #!/bin/bash
    mkdir -p /root/.aws
    printf '[default]\nregion=eu-west-1\nsts_regional_endpoints=regional\n' > /root/.aws/config
  EOT
}

# Near miss: the same file with a key in it.
resource "aws_instance" "key_in_config" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"
  # Noncompliant@+1 {{static AWS credentials}}
  user_data            = <<-EOT
    #!/bin/bash
    mkdir -p /root/.aws
    printf '[default]\naws_access_key_id=%s\n' "$KEY" > /root/.aws/config
  EOT
}

# Near miss: a file provisioner that copies a file to ~/.aws/config, contents unseen.
resource "aws_instance" "copied_config" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"

  provisioner "file" {
    source      = "files/aws-config"
    destination = "/home/ec2-user/.aws/config" # Noncompliant {{A provisioner}}
  }
}

# A local-exec provisioner runs on the operator's machine; a file provisioner's source is a path
# there too: neither hands the instance credentials.
resource "aws_instance" "operator_side" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "app"

  provisioner "local-exec" {
    command = "aws ec2 wait instance-running --instance-ids ${self.id}"
    environment = {
      AWS_CONFIG_FILE = "/home/ci/.aws/config"
    }
  }

  provisioner "file" {
    source      = "files/.aws/config"
    destination = "/etc/app/settings.ini"
  }
}
