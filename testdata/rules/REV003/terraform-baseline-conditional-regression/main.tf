# REV003 regression - a conditional inside jsonencode(). The age is chosen with a conditional on a
# variable without value; rules.md: values are judged on each branch of a conditional, so the
# "365" branch should be reported (the rule's metadata: "An age that cannot be resolved never
# gives a certain finding" - both branches are resolved here). The unknown condition makes the
# whole input_parameters unknown in an early build, and nothing is reported.

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
    maxAccessKeyAge = var.strict ? "90" : "365" # Noncompliant
  })
}

variable "strict" {
  type = bool
}
