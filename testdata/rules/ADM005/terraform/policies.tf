variable "pass_resource" {
  type = string
}

resource "aws_iam_policy" "pass" {
  name = "pass-roles"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "PassRoles"
      Effect   = "Allow"
      Action   = "iam:PassRole" # Noncompliant {{Role "ci" (module.ci.aws_iam_role.this) can escalate its privileges: launch an instance}}
      Resource = var.pass_resource
    }]
  })
}

data "aws_iam_policy_document" "operators" {
  statement {
    sid       = "Groups"
    actions   = ["iam:AddUserToGroup"] # Noncompliant {{Members of group "operators" (aws_iam_group.operators) can escalate their privileges: add oneself to a more privileged group}}
    resources = ["arn:aws:iam::123456789012:group/*"]
  }
}

data "aws_iam_policy_document" "ec2_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
