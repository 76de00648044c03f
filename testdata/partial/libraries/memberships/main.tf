resource "aws_iam_user_group_membership" "alice" {
  user   = "alice"
  groups = ["devs"]
}
