# false in terraform.tfvars: the conditional policy is not created.
variable "legacy_enabled" {
  type    = bool
  default = true
}

# No value: the user is unknown, but an inline user policy is certain.
variable "contractor_name" {
  type = string
}

variable "developers" {
  type    = set(string)
  default = ["alice", "bob"]
}
