# ADM003 - aws_iam_policy_document's older arguments source_json and override_json (deprecated,
# still taken by providers before 5.0) are merged as the provider merges them: the source first,
# the override last, a statement with a Sid replacing the one with the same Sid.

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Main"
    actions   = ["*"] # Noncompliant {{Policy "from-source" allows every action}}
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "read_bucket" {
  statement {
    sid       = "Main"
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports/*"]
  }
}

# The admin statement comes in through source_json.
data "aws_iam_policy_document" "from_source" {
  source_json = data.aws_iam_policy_document.admin.json

  statement {
    sid       = "Logs"
    actions   = ["logs:PutLogEvents"]
    resources = ["*"]
  }
}

resource "aws_iam_policy" "from_source" {
  name   = "from-source"
  policy = data.aws_iam_policy_document.from_source.json
}

# Compliant: override_json replaces the "Main" statement of the source with a read-only one.
data "aws_iam_policy_document" "overridden" {
  source_policy_documents = [data.aws_iam_policy_document.admin.json]
  override_json           = data.aws_iam_policy_document.read_bucket.json
}

resource "aws_iam_policy" "overridden" {
  name   = "overridden"
  policy = data.aws_iam_policy_document.overridden.json
}

# Compliant: a statement of the document itself replaces the source_json one with the same Sid.
data "aws_iam_policy_document" "own_statement_wins" {
  source_json = data.aws_iam_policy_document.admin.json

  statement {
    sid       = "Main"
    actions   = ["s3:ListBucket"]
    resources = ["arn:aws:s3:::reports"]
  }
}

resource "aws_iam_policy" "own_statement_wins" {
  name   = "own-statement-wins"
  policy = data.aws_iam_policy_document.own_statement_wins.json
}
