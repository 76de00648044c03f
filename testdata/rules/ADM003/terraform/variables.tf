# Default is read-only, but terraform.tfvars sets "*".
variable "ops_action" {
  type    = string
  default = "s3:GetObject"
}

# Default used as is.
variable "break_glass_action" {
  type    = string
  default = "*"
}

# No default, no value: the document is unknown, never a certain finding.
variable "external_policy_json" {
  type = string
}

# No default, no value: the action is unknown.
variable "extra_action" {
  type = string
}

# "true" as a string, from terraform.tfvars.
variable "full_access" {
  type    = string
  default = "false"
}
