# ADM005 - Terraform: a role policy on a literal role name outside the scan; a policy pattern
# reaching the role's own policy (the shape of iam-vulnerable's fn2); a chain of two roles into
# an administrator role (the shape of privesc-AssumeRole).

resource "aws_iam_role_policy" "external" {
  name = "external"
  role = "deployer-from-another-stack"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "lambda:GetFunction",
        "lambda:UpdateFunctionCode", # Noncompliant {{Role "deployer-from-another-stack" (declared outside the scan; judged on inline policy "external" alone) can escalate its privileges: replace the code of a function}}
      ]
      Resource = "*"
    }]
  })
}

resource "aws_iam_policy" "fn2" {
  name = "fn2-own"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "arn:aws:iam::*:policy/fn2-*" }] # Noncompliant {{User "fn2" (aws_iam_user.fn2) can escalate its privileges}}
  })
}

resource "aws_iam_user" "fn2" {
  name = "fn2"
}

resource "aws_iam_user_policy_attachment" "fn2" {
  user       = aws_iam_user.fn2.name
  policy_arn = aws_iam_policy.fn2.arn
}

# Compliant: the pattern names AWS managed policies (account "aws"), which nobody can rewrite.
resource "aws_iam_policy" "fp4" {
  name = "fp4-own"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = "arn:aws:iam::aws:policy/fp4-*" }]
  })
}

resource "aws_iam_user" "fp4" {
  name = "fp4"
}

resource "aws_iam_user_policy_attachment" "fp4" {
  user       = aws_iam_user.fp4.name
  policy_arn = aws_iam_policy.fp4.arn
}

resource "aws_iam_role" "start" {
  name = "start"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "middle" {
  name = "middle"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.start.arn } # Noncompliant {{Role "start" (aws_iam_role.start) can escalate its privileges: it can assume role "middle" (aws_iam_role.middle), whose trust policy names it, and from there role "end" (aws_iam_role.end)}}
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "end" {
  name = "end"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = aws_iam_role.middle.arn } # Noncompliant {{Role "middle" (aws_iam_role.middle) can escalate its privileges: it can assume role "end"}}
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "end" {
  role       = aws_iam_role.end.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# Compliant: a permissions boundary may not allow the call.
resource "aws_iam_role" "bounded" {
  name                 = "bounded"
  permissions_boundary = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "ec2.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "trusts_bounded" {
  name = "trusts-bounded"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = aws_iam_role.bounded.arn }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "trusts_bounded" {
  role       = aws_iam_role.trusts_bounded.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}
