locals {
  statements = [
    { sid = "Read", actions = ["s3:GetObject"] },
    { sid = "All", actions = ["*"] },
  ]

  team_policies = {
    reader = { action = "ec2:Describe*" }
    admin  = { action = "*" }
  }
}
