env_remembered    = 10
raised_remembered = 24
