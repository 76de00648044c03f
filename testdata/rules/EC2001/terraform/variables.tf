# null by default: the dynamic block in aws_launch_template.optional is left out.
variable "worker_profile_name" {
  type    = string
  default = null
}

# No default, no value: the profile is unknown, but one is given.
variable "external_profile_name" {
  type = string
}

# true by default, false in terraform.tfvars.
variable "attach_role" {
  type    = bool
  default = true
}

variable "instance_names" {
  type    = set(string)
  default = ["blue", "green"]
}
