locals {
  read_write_type = "ReadOnly"

  selectors = [
    { include_management_events = false },
  ]
}
