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

# Compliant: a permissions boundary that allows no IAM writes caps the role's iam:* grant.
resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = aws_iam_policy.boundary.arn
}

resource "aws_iam_role_policy" "bounded" {
  role   = aws_iam_role.bounded.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }] })
}

resource "aws_iam_policy" "boundary" {
  name = "workload-boundary"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:*", "logs:*", "iam:Get*", "iam:List*"], Resource = "*" }]
  })
}

# Not judged: the boundary lives outside the scan.
resource "aws_iam_role" "bounded_elsewhere" {
  name                 = "bounded-elsewhere"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = "arn:aws:iam::123456789012:policy/org-boundary"
}

resource "aws_iam_role_policy" "bounded_elsewhere" {
  role   = aws_iam_role.bounded_elsewhere.id
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "*" }] })
}

# A boundary that still allows the path: reported.
resource "aws_iam_role" "loosely_bounded" {
  name                 = "loosely-bounded"
  assume_role_policy   = data.aws_iam_policy_document.ec2_trust.json
  permissions_boundary = "arn:aws:iam::aws:policy/PowerUserAccess"
}

resource "aws_iam_role_policy" "loosely_bounded" {
  role = aws_iam_role.loosely_bounded.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ssm:SendCommand", Resource = "*" }] # Noncompliant {{Role "loosely-bounded" (aws_iam_role.loosely_bounded) can escalate its privileges: run commands}}
  })
}
