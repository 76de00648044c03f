variable "optional_pgp_key" {
  type    = string
  default = null
}

variable "security_pgp_key" {
  type    = string
  default = "mQENBFXYZ0EBCAC3ExampleBase64PublicKeyOnly"
}

# No value: unknown, but still a pgp_key.
variable "external_pgp_key" {
  type = string
}
