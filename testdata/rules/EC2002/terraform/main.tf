# EC2002 - instance profiles without a role or naming an undeclared one, and instances whose
# profile reference is dangling or leads to a profile without a role.

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

# ---- instance profiles ----

# Compliant: a role declared here.
resource "aws_iam_instance_profile" "app" {
  name = "app"
  role = aws_iam_role.app.name
}

resource "aws_iam_instance_profile" "empty" { # Noncompliant {{Instance profile aws_iam_instance_profile.empty has no role: instances using it get no credentials}}
  name = "empty"
}

# A role that is declared nowhere (a dangling reference is not an unknown value).
resource "aws_iam_instance_profile" "dangling_role" {
  name = "dangling-role"
  role = aws_iam_role.deleted.name # Noncompliant {{names a role that is not declared}}
}

# Compliant: a role managed elsewhere, by name.
resource "aws_iam_instance_profile" "external_role" {
  name = "external-role"
  role = "ops-ec2"
}

# Compliant: the role is unknown (variable without value).
resource "aws_iam_instance_profile" "unknown_role" {
  name = "unknown-role"
  role = var.external_role_name
}

# The variable's default is null: no role.
resource "aws_iam_instance_profile" "batch" { # Noncompliant {{aws_iam_instance_profile.batch has no role}}
  name = "batch"
  role = var.batch_role_name
}

# count: both profiles have no role.
resource "aws_iam_instance_profile" "spare" { # Noncompliant 2
  count = 2
  name  = "spare-${count.index}"
}

# ---- instances, launch templates, launch configurations ----

# Compliant: a profile with a role.
resource "aws_instance" "app" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

# Compliant: the same profile, by id.
resource "aws_instance" "app_by_id" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.id
}

# The id of an instance profile is its name.
resource "aws_instance" "uses_empty" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.empty.id # Noncompliant {{uses instance profile aws_iam_instance_profile.empty, which has no role}}
}

resource "aws_instance" "dangling_profile" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.removed.name # Noncompliant {{EC2 instance aws_instance.dangling_profile refers to an instance profile that is not declared}}
}

# Compliant: a literal profile name is an external profile.
resource "aws_instance" "external_profile" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = "shared-ec2-profile"
}

resource "aws_launch_template" "uses_batch" {
  name_prefix = "batch-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    arn = aws_iam_instance_profile.batch.arn # Noncompliant {{EC2 launch template aws_launch_template.uses_batch uses instance profile aws_iam_instance_profile.batch}}
  }
}

resource "aws_launch_template" "dangling" {
  name_prefix = "dangling-"
  image_id    = "ami-0c55b159cbfafe1f0"
  iam_instance_profile {
    name = aws_iam_instance_profile.gone.name # Noncompliant {{not declared}}
  }
}

resource "aws_launch_configuration" "spare" {
  count                = 2
  name_prefix          = "spare-${count.index}-"
  image_id             = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.spare[count.index].id # Noncompliant 2 {{which has no role}}
}

resource "aws_spot_instance_request" "dangling" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "c5.large"
  iam_instance_profile = aws_iam_instance_profile.never_declared.name # Noncompliant {{EC2 spot instance request aws_spot_instance_request.dangling refers to an instance profile that is not declared}}
}

# No role (reported in the module, at its resource).
module "orphan" {
  source = "./modules/profile"
  name   = "orphan"
}

# Compliant call: a role.
module "worker" {
  source = "./modules/profile"
  name   = "worker"
  role   = aws_iam_role.app.name
}

# Compliant: the module's profile has a role.
resource "aws_instance" "worker" {
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = module.worker.id
}
