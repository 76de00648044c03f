# Default false, set to true in terraform.tfvars.
variable "org_multi_region" {
  type    = bool
  default = false
}

# Default false, used as is.
variable "dev_multi_region" {
  type    = bool
  default = false
}

# No default, no value: unknown, never a certain finding.
variable "external_multi_region" {
  type = bool
}

# No value: the condition is unknown.
variable "single_region_only" {
  type = bool
}

variable "trail_names" {
  type    = set(string)
  default = ["app", "data"]
}
