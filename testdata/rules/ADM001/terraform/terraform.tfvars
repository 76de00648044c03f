ops_policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
is_production  = "false"

# A value for an undeclared variable (partial checkout): it still counts.
legacy_admin_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
