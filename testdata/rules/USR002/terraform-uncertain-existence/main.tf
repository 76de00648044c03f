# Whether a resource exists can depend on a value with no default. Findings about it are then
# undecided (--report-unknown), unless every alternative gives the same instances.
variable "attach_to_users" {
  type = bool
}

variable "create" {
  type = bool
}

locals {
  none    = {}
  nothing = {}
  ci      = { ci = "arn:aws:iam::aws:policy/ReadOnlyAccess" }
  also_ci = { ci = "arn:aws:iam::aws:policy/SecurityAudit" }
}

# Both branches are empty: nothing is created, whatever the variable is.
resource "aws_iam_user_policy_attachment" "empty_either_way" {
  for_each   = var.attach_to_users ? local.none : local.nothing
  user       = "ci"
  policy_arn = each.value
}

# One branch creates an attachment, the other none: it may not exist.
resource "aws_iam_user_policy_attachment" "maybe" {
  for_each   = var.attach_to_users ? local.ci : local.none
  user       = "ci"
  policy_arn = each.value
}

# count with no known value: it may not exist.
resource "aws_iam_user_policy_attachment" "counted" {
  count      = var.create ? 1 : 0
  user       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Near miss: both branches create the same instance "ci": it exists either way.
resource "aws_iam_user_policy_attachment" "same_keys" {
  for_each   = var.attach_to_users ? local.ci : local.also_ci
  user       = "ci"
  policy_arn = each.value # Noncompliant {{attached directly to user "ci"}}
}

# Near miss: a count that every branch agrees on.
resource "aws_iam_user_policy_attachment" "agreed" {
  count      = var.create ? 1 : 1
  user       = "ci"
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess" # Noncompliant {{attached directly to user "ci"}}
}
