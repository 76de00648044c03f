previous_key_status = "Inactive"
