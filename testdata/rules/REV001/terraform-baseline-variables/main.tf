# REV001 - the identifier from a local and the age from a variable whose default (90) is raised to
# 400 by terraform.tfvars: reported at the value (inside jsonencode).

locals {
  unused_credentials_rule = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
}

variable "max_credential_age" {
  type    = number
  default = 90
}

resource "aws_iam_group" "auditors" {
  name = "auditors"
}

resource "aws_config_config_rule" "unused_credentials" {
  name = "iam-user-unused-credentials-check"
  source {
    owner             = "AWS"
    source_identifier = local.unused_credentials_rule
  }
  input_parameters = jsonencode({ maxCredentialUsageAge = tostring(var.max_credential_age) }) # Noncompliant {{allows credentials unused for}}
}
