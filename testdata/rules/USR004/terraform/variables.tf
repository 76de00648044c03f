variable "ops_user_name" {
  type    = string
  default = "temp-ops"
}

# Replaced by terraform.tfvars.
variable "reviewer_name" {
  type    = string
  default = "alice"
}

# No value: unknown.
variable "contractor_name" {
  type = string
}

variable "owner" {
  type = string
}
