min_length            = 12
raised_min_length     = 16
undeclared_min_length = 9
