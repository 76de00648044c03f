# Default false, set to true in terraform.tfvars.
variable "org_validation" {
  type    = bool
  default = false
}

# Default false, used as is.
variable "dev_validation" {
  type    = bool
  default = false
}

# No default, no value: unknown, never a certain finding.
variable "external_validation" {
  type = bool
}

# No value: the condition is unknown.
variable "cost_saving" {
  type = bool
}
