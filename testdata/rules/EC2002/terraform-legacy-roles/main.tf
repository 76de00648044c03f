# EC2002 - an instance profile written with "roles" (a list), the argument of AWS providers
# before 3.0 in Terraform 0.11 code: the profile has its role (compliant), and so does the
# instance that uses it.
resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name  = "app"
  roles = ["${aws_iam_role.app.name}"]
}

resource "aws_instance" "app" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "${aws_iam_instance_profile.app.name}"
}

# Near miss: a profile with neither argument has no role.
resource "aws_iam_instance_profile" "empty" { # Noncompliant {{has no role}}
  name = "empty"
}
