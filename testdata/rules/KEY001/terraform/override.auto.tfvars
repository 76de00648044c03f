# *.auto.tfvars files are read after terraform.tfvars: this value wins.
batch_key_status = "Inactive"
