# ADM001 - a `for` over a map or an object runs in the order of its keys, as Terraform iterates
# it, not in the order the keys are written.

locals {
  # written zeta first; alpha comes first
  policies = {
    zeta  = "arn:aws:iam::aws:policy/AdministratorAccess"
    alpha = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  }
  ordered = [for name, arn in local.policies : arn]

  # admin written last; it is the first pair
  role_policies = {
    readonly = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
    admin    = ["arn:aws:iam::aws:policy/AdministratorAccess"]
  }
  pairs = flatten([for role, arns in local.role_policies : [for arn in arns : { role = role, arn = arn }]])
}

resource "aws_iam_role" "app" {
  name               = "app"
  assume_role_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }] })
}

# Compliant: ordered[0] is alpha's ReadOnlyAccess.
resource "aws_iam_role_policy_attachment" "first" {
  role       = aws_iam_role.app.name
  policy_arn = local.ordered[0]
}

# Reported once, for the instance pair[0] (admin; the evaluator tests check the address).
resource "aws_iam_role_policy_attachment" "pair" {
  count      = length(local.pairs)
  role       = aws_iam_role.app.name
  policy_arn = local.pairs[count.index].arn # Noncompliant {{AdministratorAccess is attached to role "app"}}
}
