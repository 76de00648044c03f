# Default "ci", overridden with "Root" in terraform.tfvars.
variable "automation_user" {
  type    = string
  default = "ci"
}

# Default used as is.
variable "bootstrap_user" {
  type    = string
  default = "root"
}

# No default, no value: unknown, never a certain finding.
variable "break_glass_user" {
  type = string
}

# Default "ci", set to "root" in terraform.tfvars.json.
variable "json_user" {
  type    = string
  default = "ci"
}
