require_lower   = false
require_numbers = true
