locals {
  value = false

  settings = {
    enable_logging = false
  }
}
