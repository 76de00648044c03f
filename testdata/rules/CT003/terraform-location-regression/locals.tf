locals {
  value = false

  settings = {
    is_multi_region_trail = false
  }
}
