locals {
  value = false

  settings = {
    enable_log_file_validation = false
  }
}
