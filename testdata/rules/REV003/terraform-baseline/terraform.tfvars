max_key_age = 180
