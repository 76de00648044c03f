# ADM003 - arguments of a policy document statement set to null are not set (Terraform's
# semantics for null arguments; modules pass optional object attributes through this way).
# Regression: `effect = null` made the statement's effect unknown and the admin grant was missed.

data "aws_iam_policy_document" "admin" {
  statement {
    sid         = null
    effect      = null # not set: the provider's default, Allow
    actions     = ["*"] # Noncompliant {{allows every action ("*") on every resource}}
    not_actions = null
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "admin" {
  name   = "admin"
  policy = data.aws_iam_policy_document.admin.json
}

# near miss: null arguments beside a narrow grant
data "aws_iam_policy_document" "reader" {
  statement {
    effect        = null
    actions       = ["s3:GetObject"]
    not_actions   = null
    resources     = ["arn:aws:s3:::reports/*"]
    not_resources = null
  }
}

resource "aws_iam_policy" "reader" {
  name   = "reader"
  policy = data.aws_iam_policy_document.reader.json
}
