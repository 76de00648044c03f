billing_users = []
