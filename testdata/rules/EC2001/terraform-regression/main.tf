# EC2001 gaps: "without an instance profile".

# 1. An empty profile name is no profile (the provider launches the instance without one), but
#    today any value, "" included, counts as a profile.
resource "aws_instance" "empty_name" { # Noncompliant@+3 {{aws_instance.empty_name}}
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = ""
}

resource "aws_launch_template" "empty_name" { # Noncompliant@+4 {{aws_launch_template.empty_name}}
  name_prefix = "empty-name-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    name = ""
  }
}

# 2. A condition that cannot be decided (variable without value) with a null branch: the
#    project reports the offending branch of such conditions (CT002, KEY001, PWD008 do in
#    Terraform too); here the profile counts as given whatever the branch.
variable "with_role" {
  type = bool
}

resource "aws_instance" "maybe" { # Noncompliant@+3 {{aws_instance.maybe}}
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = var.with_role ? "app-profile" : null
}

# Compliant: a real name.
resource "aws_instance" "named" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = "app-profile"
}
