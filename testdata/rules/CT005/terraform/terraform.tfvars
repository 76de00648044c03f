audit_read_write_type = "WriteOnly"
