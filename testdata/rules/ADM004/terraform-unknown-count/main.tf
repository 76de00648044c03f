# ADM004 - the first element of two splats over data sources whose count is not known is
# either document: a service wildcard in only one of them is not certain.

variable "strict" {
  type = bool
}

data "aws_iam_policy_document" "wide" {
  count = var.strict ? 0 : 1
  statement {
    actions   = ["s3:*"] # Noncompliant {{s3}}
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "narrow" {
  count = var.strict ? 1 : 0
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

# Compliant (not certain): element 0 is the wide or the narrow document.
resource "aws_iam_policy" "chosen" {
  name   = "chosen"
  policy = element(concat(data.aws_iam_policy_document.wide[*].json, data.aws_iam_policy_document.narrow[*].json), 0)
}

# Compliant (not certain): the first non-empty list is either.
resource "aws_iam_policy" "coalesced" {
  name   = "coalesced"
  policy = coalescelist(data.aws_iam_policy_document.wide[*].json, data.aws_iam_policy_document.narrow[*].json)[0]
}

# The wide document or nothing: where it is used, it is the wide one (the legacy idiom of an
# optional resource, element(concat(x.*.json, [""]), 0)), reported at its statement above.
resource "aws_iam_policy" "optional" {
  name   = "optional"
  policy = element(concat(data.aws_iam_policy_document.wide.*.json, [""]), 0)
}
