variable "regions" {
  type = map(object({ setting = bool }))
  default = {
    eu = { setting = true }
    us = { setting = false }
  }
}
