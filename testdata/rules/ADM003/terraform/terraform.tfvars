ops_action  = "*"
full_access = "true"
