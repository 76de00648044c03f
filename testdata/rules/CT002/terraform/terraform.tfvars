logging_enabled = false
