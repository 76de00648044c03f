# compliant: a Config rule whose identifier cannot be resolved might be the one required,
# so no finding is certain (unknown is never reported as certain).

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

resource "aws_config_config_rule" "from_variable" {
  name = "from-variable"
  source {
    owner             = "AWS"
    source_identifier = var.rule_identifier
  }
}

variable "rule_identifier" {
  type = string
}
