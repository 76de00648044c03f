org_multi_region = true
