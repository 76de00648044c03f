# Default "", set to a key ARN in terraform.tfvars.
variable "org_kms_key_arn" {
  type    = string
  default = ""
}

# Default "", used as is.
variable "dev_kms_key_arn" {
  type    = string
  default = ""
}

# No default, no value: unknown, never a certain finding.
variable "external_kms_key_arn" {
  type = string
}

# No value: the condition is unknown.
variable "encrypt" {
  type = bool
}
