# A role with a count whose name is known only at plan, attached through a splat of its name
# (regression: the splat lost the role the name belongs to, and the finding named "a role whose
# name is not known" instead of the role).
variable "role_name" {
  type = string
}

resource "aws_iam_role" "deployer" {
  count              = 1
  name               = var.role_name
  assume_role_policy = jsonencode({ Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }] })
}

resource "aws_iam_role_policy_attachment" "splat" {
  count      = 1
  role       = aws_iam_role.deployer.*.name[0]
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role aws_iam_role.deployer[0]}}
}

resource "aws_iam_role_policy_attachment" "full_splat" {
  count      = 1
  role       = one(aws_iam_role.deployer[*].name)
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess" # Noncompliant {{AdministratorAccess is attached to role aws_iam_role.deployer[0]}}
}
