# EC2001 - EC2 instances, launch templates, launch configurations and spot requests without an
# instance profile: reported at the resource.

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

# Not an instance: not judged by this rule (see EC2002).
resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

# ---- aws_instance ----

resource "aws_instance" "no_profile" { # Noncompliant {{EC2 instance aws_instance.no_profile has no instance profile}}
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

# Compliant: a profile declared here.
resource "aws_instance" "with_profile" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

# Compliant: a profile managed elsewhere, by name.
resource "aws_instance" "external_profile" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = "shared-ec2-profile"
}

# Compliant: a profile whose name is unknown (variable without value).
resource "aws_instance" "unknown_profile" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = var.external_profile_name
}

# null is no profile.
resource "aws_instance" "null_profile" { # Noncompliant
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = null
}

# attach_role is false in terraform.tfvars: the null branch is taken.
resource "aws_instance" "switched" { # Noncompliant {{aws_instance.switched}}
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = var.attach_role ? aws_iam_instance_profile.app.name : null
}

# for_each: both instances.
resource "aws_instance" "fleet" { # Noncompliant 2
  for_each      = var.instance_names
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
  tags          = { Name = each.key }
}

# count: only instance [1] has no profile.
resource "aws_instance" "pair" { # Noncompliant {{aws_instance.pair[1]}}
  count                = 2
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = count.index == 0 ? aws_iam_instance_profile.app.name : null
}

# Compliant: started from a launch template, which is judged itself.
resource "aws_instance" "from_template" {
  launch_template {
    id      = aws_launch_template.app.id
    version = "$Latest"
  }
}

# ---- aws_launch_template ----

resource "aws_launch_template" "bare" { # Noncompliant {{EC2 launch template aws_launch_template.bare has no instance profile}}
  name_prefix   = "bare-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

# Compliant: the profile by ARN.
resource "aws_launch_template" "app" {
  name_prefix = "app-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    arn = aws_iam_instance_profile.app.arn
  }
}

# Compliant: the profile by name.
resource "aws_launch_template" "by_name" {
  name_prefix = "by-name-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    name = "shared-ec2-profile"
  }
}

# An empty iam_instance_profile block names no profile.
resource "aws_launch_template" "empty_block" { # Noncompliant
  name_prefix = "empty-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {}
}

# The dynamic block is left out: worker_profile_name is null.
resource "aws_launch_template" "optional" { # Noncompliant {{aws_launch_template.optional}}
  name_prefix = "optional-"
  image_id    = "ami-0c55b159cbfafe1f0"
  dynamic "iam_instance_profile" {
    for_each = var.worker_profile_name == null ? [] : [var.worker_profile_name]
    content {
      name = iam_instance_profile.value
    }
  }
}

# ---- aws_launch_configuration, aws_spot_instance_request ----

resource "aws_launch_configuration" "legacy" { # Noncompliant {{EC2 launch configuration aws_launch_configuration.legacy has no instance profile}}
  name_prefix   = "legacy-"
  image_id      = "ami-0c55b159cbfafe1f0"
  instance_type = "t3.micro"
}

# Compliant: with a profile.
resource "aws_launch_configuration" "current" {
  name_prefix          = "current-"
  image_id             = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_spot_instance_request" "batch" { # Noncompliant {{aws_spot_instance_request.batch}}
  ami           = "ami-0c55b159cbfafe1f0"
  instance_type = "c5.large"
  spot_price    = "0.05"
}

# Compliant: with a profile.
resource "aws_spot_instance_request" "batch_with_role" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "c5.large"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

# No profile (reported in the module, at its resource).
module "bastion" {
  source = "./modules/server"
  name   = "bastion"
}

# Compliant call: a profile.
module "app" {
  source           = "./modules/server"
  name             = "app"
  instance_profile = aws_iam_instance_profile.app.name
}
