variable "mfa_flag" {
  type    = string
  default = "false"
}

# No value: unknown.
variable "external_mfa_flag" {
  type = string
}
