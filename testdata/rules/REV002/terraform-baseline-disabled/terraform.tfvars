enable_analyzer = false
