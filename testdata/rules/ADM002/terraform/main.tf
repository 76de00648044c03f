data "aws_partition" "current" {}

variable "ci_policy" {
  default = "AWSCloudFormationFullAccess"
}

resource "aws_iam_role_policy_attachment" "ci" {
  role       = "ci"
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/${var.ci_policy}" # Noncompliant {{AWSCloudFormationFullAccess}}
}

resource "aws_iam_policy_attachment" "ops" {
  name       = "ops"
  groups     = ["ops", "oncall"]
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2FullAccess" # Noncompliant 2
}

# compliant: read-only
resource "aws_iam_user_policy_attachment" "auditor" {
  user       = "auditor"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

variable "unknown_policy" {}

# compliant: unknown ARN
resource "aws_iam_role_policy_attachment" "unknown" {
  role       = "r"
  policy_arn = var.unknown_policy
}
