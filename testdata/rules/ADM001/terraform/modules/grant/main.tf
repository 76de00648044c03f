variable "role_name" {
  type = string
}

variable "policy_arn" {
  type = string
}

# Called by grant_admin (AdministratorAccess) and grant_reader (ReadOnlyAccess, compliant).
resource "aws_iam_role_policy_attachment" "this" {
  role       = var.role_name
  policy_arn = var.policy_arn # Noncompliant {{from argument policy_arn of module.grant_admin}}
}
