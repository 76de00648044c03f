# Inputs of the root module. Their values come from the defaults below, overridden by
# terraform.tfvars where it sets them.

# Default is ReadOnlyAccess, but terraform.tfvars sets AdministratorAccess.
variable "ops_policy_arn" {
  type    = string
  default = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# Default used as is (not overridden): AdministratorAccess.
variable "break_glass_policy_arn" {
  type    = string
  default = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# No default and no value anywhere: unknown, never a certain finding.
variable "extra_policy_arn" {
  type = string
}

# Partition without value: the rest of the ARN still names AdministratorAccess.
variable "partition" {
  type = string
}

# A string boolean, set to "false" in terraform.tfvars.
variable "is_production" {
  type    = string
  default = "true"
}

variable "reader_policies" {
  type    = list(string)
  default = ["arn:aws:iam::aws:policy/ReadOnlyAccess"]
}

# No value: the users are unknown, but the attachment of AdministratorAccess is certain.
variable "admin_users" {
  type = list(string)
}
