locals {
  classes = {
    upper   = true
    lower   = true
    numbers = "true"
    symbols = "false"
  }
}
