resource "aws_iam_role_policy_attachment" "deployer" {
  role       = aws_iam_role.deployer.name
  policy_arn = aws_iam_policy.deployer.arn
}

resource "aws_iam_role_policy_attachment" "ops" {
  role       = aws_iam_role.ops.name
  policy_arn = aws_iam_policy.hopper.arn
}

resource "aws_iam_group_policy_attachment" "builders" {
  group      = aws_iam_group.builders.name
  policy_arn = aws_iam_policy.passer.arn
}
