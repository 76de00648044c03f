# CT001 - compliant: the project defines IAM resources and a trail, created by a child module
# (for_each over one name).

resource "aws_iam_user" "ops" {
  name = "ops"
}

# Compliant: the project has a trail (module.audit).
resource "aws_iam_group_membership" "ops" {
  name  = "ops"
  group = "operators"
  users = [aws_iam_user.ops.name]
}

# Creates the trail.
module "audit" {
  source = "./modules/audit"
  trails = ["organization-audit"]
}
