# POL001 - a splat over a data source whose count is not known is a list whose length is not
# known: joining two such lists is one document or the other (exactly one exists when the
# counts are complementary), never the text of both with a comma between them.

variable "strict" {
  type = bool
}

data "aws_iam_policy_document" "strict" {
  count = var.strict ? 1 : 0
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

data "aws_iam_policy_document" "relaxed" {
  count = var.strict ? 0 : 1
  statement {
    actions   = ["s3:GetObject", "s3:ListBucket"]
    resources = ["arn:aws:s3:::reports", "arn:aws:s3:::reports/*"]
  }
}

# Compliant: one of the two documents, whichever exists.
resource "aws_iam_policy" "either" {
  name   = "reports-reader"
  policy = join(",", concat(data.aws_iam_policy_document.strict[*].json, data.aws_iam_policy_document.relaxed[*].json))
}

# Compliant: the same idiom through the legacy splat and flatten.
resource "aws_iam_policy" "either_legacy" {
  name   = "reports-reader-legacy"
  policy = join(",", flatten([data.aws_iam_policy_document.strict.*.json, data.aws_iam_policy_document.relaxed.*.json]))
}

# Compliant: one document joined is that document.
resource "aws_iam_policy" "single" {
  name   = "reports-reader-single"
  policy = join("", data.aws_iam_policy_document.strict[*].json)
}

# Reported: two documents that always both exist, joined, are not JSON.
data "aws_iam_policy_document" "first" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

data "aws_iam_policy_document" "second" {
  statement {
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::reports"]
  }
}

resource "aws_iam_policy" "both" {
  name   = "reports-both"
  policy = join(",", [data.aws_iam_policy_document.first.json, data.aws_iam_policy_document.second.json]) # Noncompliant {{not valid JSON}}
}
