# EC2002 - a role and a profile whose names are built from a variable this module does not declare
# (a tool fills it in at run time) are still declared: their names are unknown, but nothing is
# dangling (found on a public repository: "names a role that is not declared: variable config is not
# declared"). Near miss: a profile naming a role that is declared nowhere.
resource "aws_iam_role" "app" {
  name = "${var.config.prefix}-app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_instance_profile" "app" {
  name = "${var.config.prefix}-app"
  role = aws_iam_role.app.name
}

resource "aws_instance" "app" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = aws_iam_instance_profile.app.name
}

resource "aws_iam_instance_profile" "orphan" {
  name = "orphan"
  role = aws_iam_role.missing.name # Noncompliant {{names a role that is not declared}}
}
