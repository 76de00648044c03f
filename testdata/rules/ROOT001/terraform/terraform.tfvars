automation_user = "Root"
