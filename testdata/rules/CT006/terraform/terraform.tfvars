org_validation = true
