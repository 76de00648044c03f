locals {
  # One trail per region: only the home region records global service events.
  regions = {
    "eu-west-1"    = true
    "eu-central-1" = false
  }
}
