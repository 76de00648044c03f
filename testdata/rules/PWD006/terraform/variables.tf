variable "self_service" {
  type    = bool
  default = false
}

variable "env_self_service" {
  type    = bool
  default = true
}

variable "external_self_service" {
  type = bool
}

variable "enabled_self_service" {
  type    = bool
  default = false
}

variable "locked_down" {
  type = bool
}
