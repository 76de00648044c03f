locals {
  # The trail scope of this account.
  trail_scope = "regional"
}
