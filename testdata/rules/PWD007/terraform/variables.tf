# null by default: no pgp_key.
variable "default_pgp_key" {
  type    = string
  default = null
}

# null by default, set in terraform.tfvars.
variable "team_pgp_key" {
  type    = string
  default = null
}

# No default, no value: the key is unknown, but a pgp_key is given.
variable "security_pgp_key" {
  type = string
}

variable "encrypt_passwords" {
  type    = bool
  default = false
}

variable "console_users" {
  type    = set(string)
  default = ["alice", "bob"]
}
