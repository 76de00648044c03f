legacy_enabled = false
