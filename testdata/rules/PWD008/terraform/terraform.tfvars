team_force_reset = true
