variable "policy" {
  type = string
}

# Not here: the statement is written in the caller.
resource "aws_iam_policy" "p" {
  name   = "child"
  policy = var.policy
}
