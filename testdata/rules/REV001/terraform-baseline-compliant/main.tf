# REV001 - compliant account baseline: the rule, created through for_each over the managed rules
# of the baseline, with input_parameters as heredoc JSON and a 45-day limit.

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

locals {
  managed_rules = {
    unused_credentials = {
      identifier = "IAM_USER_UNUSED_CREDENTIALS_CHECK"
      parameters = <<-JSON
        {"maxCredentialUsageAge": "45"}
      JSON
    }
    keys_rotated = {
      identifier = "ACCESS_KEYS_ROTATED"
      parameters = null
    }
  }
}

resource "aws_config_config_rule" "managed" {
  for_each = local.managed_rules
  name     = replace(lower(each.value.identifier), "_", "-")
  source {
    owner             = "AWS"
    source_identifier = each.value.identifier
  }
  input_parameters = each.value.parameters
}
