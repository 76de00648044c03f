ops_actions = ["*"]
