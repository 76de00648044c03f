# Default true, set to false in terraform.tfvars.
variable "logging_enabled" {
  type    = bool
  default = true
}

# Default false, used as is.
variable "sandbox_logging" {
  type    = bool
  default = false
}

# No default, no value: unknown, never a certain finding.
variable "external_logging" {
  type = bool
}

# No value: the condition is unknown.
variable "maintenance" {
  type = bool
}

variable "regional_trails" {
  type = map(bool)
  default = {
    eu = true
    us = false
  }
}
