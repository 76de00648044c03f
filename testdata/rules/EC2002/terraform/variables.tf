# No default, no value: the role is unknown, never a certain finding.
variable "external_role_name" {
  type = string
}

# null by default: profiles created with this role have none.
variable "batch_role_name" {
  type    = string
  default = null
}
