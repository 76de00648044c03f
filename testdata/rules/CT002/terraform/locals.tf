locals {
  # The trail of the audit account is paused during the migration.
  audit_mode = "paused"
}
