# REV002 - compliant account baseline: one analyzer per region through for_each (any type counts).

resource "aws_iam_group" "administrators" {
  name = "administrators"
}

resource "aws_accessanalyzer_analyzer" "per_region" {
  for_each      = toset(["eu-west-1", "us-east-1"])
  analyzer_name = "account-${each.key}"
  type          = "ACCOUNT"
}
