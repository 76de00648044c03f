# REV003 - account baseline module without ACCESS_KEYS_ROTATED. The rule is declared but switched
# off by terraform.tfvars (count = 0), so it does not exist: one finding, at the first IAM
# resource (the user), not at the analyzer declared before it.

resource "aws_accessanalyzer_analyzer" "account" {
  analyzer_name = "account"
  type          = "ACCOUNT"
}

resource "aws_iam_user" "break_glass" { # Noncompliant {{old access keys go unnoticed}}
  name = "break-glass"
}

resource "aws_config_config_rule" "access_keys_rotated" {
  count = var.enable_key_rotation_check ? 1 : 0
  name  = "access-keys-rotated"
  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}

variable "enable_key_rotation_check" {
  type    = bool
  default = true
}
