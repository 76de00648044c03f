# REV001 - account baseline module without IAM_USER_UNUSED_CREDENTIALS_CHECK: one finding, at the
# first IAM resource of the scan (iam.tf), not at the first resource (this file sorts first).

resource "aws_config_config_rule" "keys_rotated" {
  name = "access-keys-rotated"
  source {
    owner             = "AWS"
    source_identifier = "ACCESS_KEYS_ROTATED"
  }
}

# count = 0: this rule is not created.
resource "aws_config_config_rule" "disabled" {
  count = 0
  name  = "iam-user-unused-credentials-check"
  source {
    owner             = "AWS"
    source_identifier = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
  }
}

# The organization-wide form is not read (suppress with a reason when deployed that way).
resource "aws_config_organization_managed_rule" "unused_credentials" {
  name            = "iam-user-unused-credentials-check"
  rule_identifier = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
}
