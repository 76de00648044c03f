variable "name" {
  type = string
}

variable "policy_arns" {
  type = set(string)
}

# The user of the attachments below.
resource "aws_iam_user" "this" {
  name = var.name
}

# module.reader passes two ARNs: one finding per instance.
resource "aws_iam_user_policy_attachment" "this" {
  for_each   = var.policy_arns
  user       = aws_iam_user.this.name
  policy_arn = each.value # Noncompliant 2 {{user "reader" (module.reader.aws_iam_user.this)}}
}
