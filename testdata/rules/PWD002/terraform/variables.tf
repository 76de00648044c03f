variable "legacy_min_length" {
  type    = number
  default = 10
}

# Overridden in terraform.tfvars (12).
variable "min_length" {
  type    = number
  default = 14
}

# No default and no value: unknown.
variable "external_min_length" {
  type = number
}

# Default 8, raised to 16 in terraform.tfvars.
variable "raised_min_length" {
  type    = number
  default = 8
}

# No value: the conditional is unknown.
variable "strict" {
  type = bool
}

variable "initial_password_length" {
  type    = number
  default = 12
}

variable "external_password_length" {
  type = number
}
