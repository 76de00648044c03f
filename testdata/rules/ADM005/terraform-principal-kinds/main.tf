# Paths through "one's own user" or "a group one belongs to" are open to users, not roles;
# "one's own role" is open to roles, not users.
locals {
  trust = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role" "attacher" {
  name               = "attacher"
  assume_role_policy = local.trust
}

# A role has no user of its own and belongs to no group.
resource "aws_iam_role_policy" "user_writes" {
  role = aws_iam_role.attacher.id
  name = "user-writes"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:AttachUserPolicy", "iam:PutGroupPolicy", "iam:AddUserToGroup"], Resource = "*" }]
  })
}

resource "aws_iam_user" "dev" {
  name = "dev"
}

# A user has no role of its own.
resource "aws_iam_user_policy" "role_writes" {
  user = aws_iam_user.dev.name
  name = "role-writes"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["iam:PutRolePolicy", "iam:DeleteRolePermissionsBoundary"], Resource = "*" }]
  })
}

# Near misses: the same kinds of grant on the principal they serve.
resource "aws_iam_user" "ops" {
  name = "ops"
}

resource "aws_iam_user_policy" "own_user" {
  user = aws_iam_user.ops.name
  name = "own-user"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:AttachUserPolicy", Resource = "*" }] # Noncompliant {{attach any managed policy}}
  })
}

resource "aws_iam_role" "writer" {
  name               = "writer"
  assume_role_policy = local.trust
}

resource "aws_iam_role_policy" "own_role" {
  role = aws_iam_role.writer.id
  name = "own-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PutRolePolicy", Resource = "*" }] # Noncompliant {{on one's own role}}
  })
}
