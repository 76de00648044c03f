variable "require_upper" {
  type    = bool
  default = false
}

# true by default, false in terraform.tfvars.
variable "require_lower" {
  type    = bool
  default = true
}

# false by default, true in terraform.tfvars.
variable "require_numbers" {
  type    = bool
  default = false
}

# No value: unknown.
variable "require_symbols" {
  type = bool
}
