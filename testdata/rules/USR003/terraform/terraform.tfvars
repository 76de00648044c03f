grouped_developers        = ["alice", "bob"]
create_auditor_membership = false
