# Default "All", set to "WriteOnly" in terraform.tfvars.
variable "audit_read_write_type" {
  type    = string
  default = "All"
}

# Default "ReadOnly", used as is.
variable "reporting_read_write_type" {
  type    = string
  default = "ReadOnly"
}

# No default, no value: unknown, not judged.
variable "external_management_events" {
  type = bool
}

variable "data_buckets" {
  type    = list(string)
  default = ["arn:aws:s3:::invoices/", "arn:aws:s3:::exports/"]
}
