team_pgp_key = "keybase:platform-team"
