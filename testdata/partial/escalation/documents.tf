data "aws_iam_policy_document" "elsewhere" {
  statement {
    actions   = ["iam:PutRolePolicy"]
    resources = ["*"]
  }
}
