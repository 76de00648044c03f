# Default "Active", used as is.
variable "ci_key_status" {
  type    = string
  default = "Active"
}

# Default "Active", overridden with "Inactive" in terraform.tfvars.
variable "legacy_key_status" {
  type    = string
  default = "Active"
}

# No default, no value: unknown, never a certain finding.
variable "vendor_key_status" {
  type = string
}

# No value: the condition that picks the status is unknown.
variable "rotating" {
  type = bool
}

variable "service_users" {
  type    = set(string)
  default = ["billing", "reports"]
}

# No default, no value: the user of the key is unknown.
variable "vendor_user" {
  type = string
}

# Default "Inactive"; terraform.tfvars sets "Active", but override.auto.tfvars (read after
# terraform.tfvars) sets "Inactive" again.
variable "batch_key_status" {
  type    = string
  default = "Inactive"
}
