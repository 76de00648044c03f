manage_password_policy = false
