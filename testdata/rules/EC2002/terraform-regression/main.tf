# EC2002 regression - wrong location. rules.md: "Location: the offending value (attribute/property ...)".
# When an instance names its profile through the profile's name attribute
# (aws_iam_instance_profile.x.name) or through a module output, the finding about the instance
# ("uses instance profile ..., which has no role") is located where the profile's name is
# written: inside the aws_iam_instance_profile block (on the line of that profile's own
# finding), or in the child module's output block. The same reference through .id or .arn is
# located at the instance's iam_instance_profile, as expected below.

resource "aws_iam_instance_profile" "empty" { # Noncompliant {{Instance profile aws_iam_instance_profile.empty has no role}}
  name = "empty"
}

resource "aws_instance" "by_name" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.empty.name # Noncompliant {{aws_instance.by_name uses instance profile aws_iam_instance_profile.empty}}
}

resource "aws_launch_template" "by_name" {
  name_prefix = "by-name-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    name = aws_iam_instance_profile.empty.name # Noncompliant {{aws_launch_template.by_name uses instance profile}}
  }
}

# Its profile has no role.
module "orphan" {
  source = "./modules/profile"
  name   = "orphan"
}

resource "aws_instance" "from_module" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = module.orphan.name # Noncompliant {{aws_instance.from_module uses instance profile module.orphan.aws_iam_instance_profile.this}}
}
