# REV002 - the analyzer is switched off by terraform.tfvars (count = 0): none is created.

variable "enable_analyzer" {
  type    = bool
  default = true
}

resource "aws_accessanalyzer_analyzer" "account" {
  count         = var.enable_analyzer ? 1 : 0
  analyzer_name = "account"
  type          = "ACCOUNT"
}

resource "aws_iam_group" "administrators" { # Noncompliant
  name = "administrators"
}
