max_credential_age = 400
