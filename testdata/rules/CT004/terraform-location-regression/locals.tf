locals {
  value = false

  settings = {
    include_global_service_events = false
  }
}
