# 3. False positive. In aws_iam_policy_document, a condition block whose variable cannot be
#    resolved is dropped from the rendered document, and the statement is then reported as
#    having "no condition" although it has one that may restrict the caller (here it would be
#    aws:PrincipalOrgID). rules.md: "A principal or condition that cannot be resolved never
#    gives a certain finding." Compliant: no marker.
data "aws_iam_policy_document" "restricted_by_unknown_key" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = var.restricting_key
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "restricted_by_unknown_key" {
  name               = "restricted-by-unknown-key"
  assume_role_policy = data.aws_iam_policy_document.restricted_by_unknown_key.json
}

variable "restricting_key" {
  type = string
}
