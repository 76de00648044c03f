reviewer_name = "bob-poc"
