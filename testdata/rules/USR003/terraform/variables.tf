variable "developers" {
  type    = set(string)
  default = ["alice", "bob", "carol"]
}

# Only alice and bob are in the developers group (terraform.tfvars overrides the default).
variable "grouped_developers" {
  type    = list(string)
  default = ["alice", "bob", "carol"]
}

variable "create_auditor_membership" {
  type    = bool
  default = true
}
