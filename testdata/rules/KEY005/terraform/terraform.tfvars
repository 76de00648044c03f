legacy_status = "Inactive"
