env_rotation_days     = 0
lowered_rotation_days = 45
