# A resource read as a whole object holds the attributes the provider sets at apply: lookup()
# and merge() find its ARN, never a default written beside it, and a created resource's ARN is
# never null.

resource "aws_iam_role" "app" {
  name = "app"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_policy" "base" {
  name   = "base"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

resource "aws_iam_role_policy_attachment" "looked_up" {
  role       = aws_iam_role.app.name
  policy_arn = lookup(aws_iam_policy.base, "arn", "arn:aws:iam::aws:policy/AdministratorAccess")
}

locals {
  merged = merge({ arn = "arn:aws:iam::aws:policy/AdministratorAccess" }, aws_iam_policy.base)
}

resource "aws_iam_role_policy_attachment" "merged" {
  role       = aws_iam_role.app.name
  policy_arn = local.merged.arn
}

resource "aws_iam_role_policy_attachment" "tested" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.base.arn != null ? aws_iam_policy.base.arn : "arn:aws:iam::aws:policy/AdministratorAccess"
}

# A plain map keeps its default: the key is not there.
locals {
  arns = { readonly = "arn:aws:iam::aws:policy/ReadOnlyAccess" }
}

resource "aws_iam_role_policy_attachment" "plain_map" {
  role       = aws_iam_role.app.name
  policy_arn = lookup(local.arns, "admin", "arn:aws:iam::aws:policy/AdministratorAccess") # Noncompliant {{AdministratorAccess}}
}
