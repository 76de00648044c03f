locals {
  value = ""

  settings = {
    kms_key_id = ""
  }
}
