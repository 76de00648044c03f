enable_key_rotation_check = false
