# Default is read-only, but terraform.tfvars sets ["*"].
variable "ops_actions" {
  type    = list(string)
  default = ["s3:GetObject"]
}

# Default used as is.
variable "break_glass_actions" {
  type    = list(string)
  default = ["*"]
}
