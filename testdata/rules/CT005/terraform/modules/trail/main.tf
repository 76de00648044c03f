variable "name" {
  type = string
}

variable "read_write_type" {
  type    = string
  default = "All"
}

# module.readers passes "ReadOnly"; module.everything keeps "All" (compliant).
resource "aws_cloudtrail" "this" {
  name           = var.name
  s3_bucket_name = "audit-logs"

  event_selector {
    read_write_type = var.read_write_type # Noncompliant {{record only read-only management events}}
  }
}
