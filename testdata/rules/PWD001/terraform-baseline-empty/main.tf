# PWD001 - compliant: a baseline without any resource (only inputs and data sources) gets no
# finding: there is nothing to locate it at.

variable "region" {
  type    = string
  default = "eu-west-1"
}

data "aws_caller_identity" "current" {}

output "account_id" {
  value = data.aws_caller_identity.current.account_id
}
