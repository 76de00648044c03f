# Default "Active", overridden with "Inactive" in terraform.tfvars.
variable "previous_key_status" {
  type    = string
  default = "Active"
}

# No value: the status is unknown, so the key is not certainly active.
variable "standby_status" {
  type = string
}

# No value: the user is unknown, so the key cannot be grouped.
variable "vendor_user" {
  type = string
}
