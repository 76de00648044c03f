locals {
  # Statements created by the dynamic block of data.aws_iam_policy_document.dynamic.
  dynamic_sids = ["Read", "All"]

  # One aws_iam_policy per key: only "admin" allows everything.
  team_actions = {
    reader = "ec2:Describe*"
    admin  = "*"
  }

  read_only = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["s3:GetObject", "s3:ListBucket"], Resource = "*" }]
  })
}
