# EC2001 - a launch template whose every start in the scan is an instance naming its own
# iam_instance_profile (which takes precedence over the template's) gives its workload a role.

resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = "app"
}

# Compliant: its only start names a profile.
resource "aws_launch_template" "hardened" {
  name = "hardened"
  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "server" {
  ami                  = "ami-12345678"
  iam_instance_profile = aws_iam_instance_profile.app.name
  launch_template {
    id      = aws_launch_template.hardened.id
    version = "$Latest"
  }
}

# Reported below: its start by name has no profile.
resource "aws_launch_template" "plain" { # Noncompliant {{launch template aws_launch_template.plain has no instance profile}}
  name = "plain"
}

resource "aws_instance" "worker" {
  ami = "ami-12345678"
  launch_template {
    name = "plain"
  }
}
