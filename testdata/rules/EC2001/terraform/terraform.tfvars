attach_role = false
