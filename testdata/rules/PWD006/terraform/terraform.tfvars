env_self_service     = false
enabled_self_service = true
