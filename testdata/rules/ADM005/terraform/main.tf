# ADM005 - privilege-escalation paths over a principal's combined policies, in Terraform:
# policies in other files, a module, a policy-document data source, group membership,
# a variable from tfvars.

module "ci" {
  source = "./modules/ci-role"
  name   = "ci"
}

# The module's role also gets this policy attached here: together with the module's
# inline ec2:RunInstances it is the EC2 path.
resource "aws_iam_role_policy_attachment" "ci_pass" {
  role       = module.ci.role_name
  policy_arn = aws_iam_policy.pass.arn
}

# Users: "ops" gets iam:AddUserToGroup from its group and nothing else.
resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_group" "operators" {
  name = "operators"
}

resource "aws_iam_group_membership" "operators" {
  name  = "operators"
  group = aws_iam_group.operators.name
  users = [aws_iam_user.ops.name]
}

resource "aws_iam_group_policy" "operators" {
  group  = aws_iam_group.operators.name
  policy = data.aws_iam_policy_document.operators.json
}

# Compliant: the self-service user, and a role whose Deny takes the path away.
resource "aws_iam_user" "self" {
  name = "self-service"
}

resource "aws_iam_user_policy" "self" {
  user = aws_iam_user.self.name
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:CreateAccessKey", "iam:UpdateLoginProfile", "iam:CreateLoginProfile"]
      Resource = "arn:aws:iam::123456789012:user/$${aws:username}"
    }]
  })
}

resource "aws_iam_role" "guarded" {
  name               = "guarded"
  assume_role_policy = data.aws_iam_policy_document.ec2_trust.json
}

resource "aws_iam_role_policy" "guarded" {
  role   = aws_iam_role.guarded.id
  policy = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        { "Effect": "Allow", "Action": "lambda:*", "Resource": "*" },
        { "Effect": "Deny", "Action": ["lambda:Update*"], "Resource": "*" }
      ]
    }
  JSON
}
