legacy_key_status = "Inactive"
batch_key_status  = "Active"
