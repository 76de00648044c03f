# REV001 - account baseline module (scanned with --account-baseline): the Config rule exists,
# with input_parameters written with jsonencode and a maxCredentialUsageAge of 180 (a string
# number): reported at the value.

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

resource "aws_config_config_rule" "unused_credentials" {
  name = "iam-user-unused-credentials-check"
  source {
    owner             = "AWS"
    source_identifier = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
  }
  input_parameters = jsonencode({
    maxCredentialUsageAge = "180" # Noncompliant {{Config rule IAM_USER_UNUSED_CREDENTIALS_CHECK allows credentials unused for}}
  })
}
