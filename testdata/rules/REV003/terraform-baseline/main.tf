# REV003 - account baseline module: the Config rule exists, but terraform.tfvars raises
# maxAccessKeyAge (a number in jsonencode) from the default 90 to 180: reported at the value.

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

resource "aws_config_config_rule" "access_keys_rotated" {
  name = "access-keys-rotated"
  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
  input_parameters = jsonencode({
    maxAccessKeyAge = var.max_key_age # Noncompliant {{Config rule ACCESS_KEYS_ROTATED accepts keys up to 180 days old}}
  })
}

variable "max_key_age" {
  type    = number
  default = 90
}
