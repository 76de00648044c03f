# Default false, used as is.
variable "force_reset" {
  type    = bool
  default = false
}

# Default false, set to true in terraform.tfvars.
variable "team_force_reset" {
  type    = bool
  default = false
}

# No default, no value: unknown, never a certain finding.
variable "vendor_force_reset" {
  type = bool
}

# No value: the condition is unknown.
variable "strict" {
  type = bool
}
