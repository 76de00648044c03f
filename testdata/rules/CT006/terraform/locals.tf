locals {
  # Validation is switched off to save costs in this account.
  validation_mode = "off"
}
