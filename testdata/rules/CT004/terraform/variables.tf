# Default true, set to false in terraform.tfvars.
variable "global_events" {
  type    = bool
  default = true
}

# Default false, used as is.
variable "regional_only" {
  type    = bool
  default = false
}

# No default, no value: unknown, never a certain finding.
variable "external_global_events" {
  type = bool
}

# No value: the condition is unknown.
variable "secondary_region" {
  type = bool
}
