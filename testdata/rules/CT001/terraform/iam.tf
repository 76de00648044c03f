# CT001 - the project defines IAM identities and policies but no CloudTrail trail: one finding
# for the whole scan, at the first IAM resource (by file, then line: iam.tf sorts before
# main.tf).

resource "aws_iam_role" "deploy" { # Noncompliant {{The project defines IAM resources but no CloudTrail trail}}
  name = "deploy"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "codebuild.amazonaws.com" } }]
  })
}

# Not reported again: one finding per scan.
resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
