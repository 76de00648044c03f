variable "rotation_days" {
  type    = number
  default = 180
}

variable "env_rotation_days" {
  type    = number
  default = 90
}

variable "external_rotation_days" {
  type = number
}

variable "lowered_rotation_days" {
  type    = number
  default = 400
}

variable "expire" {
  type = bool
}
