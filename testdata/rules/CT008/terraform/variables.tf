# Defaults "", both set in terraform.tfvars.
variable "org_log_group_arn" {
  type    = string
  default = ""
}

variable "org_log_role_arn" {
  type    = string
  default = ""
}

# Default "", used as is.
variable "dev_log_group_arn" {
  type    = string
  default = ""
}

# No default, no value: unknown, never a certain finding.
variable "external_log_group_arn" {
  type = string
}

variable "external_log_role_arn" {
  type = string
}

# No value: the condition is unknown.
variable "stream_to_cloudwatch" {
  type = bool
}
