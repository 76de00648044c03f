global_events = false
