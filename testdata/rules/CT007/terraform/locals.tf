locals {
  # No key configured for this account yet.
  kms_key_arn = "  "
}
