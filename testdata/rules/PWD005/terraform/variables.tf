variable "remembered" {
  type    = number
  default = 12
}

variable "env_remembered" {
  type    = number
  default = 24
}

variable "external_remembered" {
  type = number
}

variable "raised_remembered" {
  type    = number
  default = 3
}

variable "strict" {
  type = bool
}
