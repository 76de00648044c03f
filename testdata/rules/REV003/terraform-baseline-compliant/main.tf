# REV003 - compliant account baseline: the rule with maxAccessKeyAge from a variable default of
# 90 (at the limit), as a number in jsonencode.

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

resource "aws_config_config_rule" "access_keys_rotated" {
  name = "access-keys-rotated"
  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
  input_parameters = jsonencode({ maxAccessKeyAge = var.max_key_age })
}

variable "max_key_age" {
  type    = number
  default = 90
}
