# A resource or data source read as a whole object holds every attribute of its type, most of
# them set by the provider at apply: lookup() finds them, not the default. And a value not known
# may be a list of any length, the empty one included: flatten() and compact() of it may give [],
# which the policy-document data source leaves out of its JSON. (Regressions from public modules:
# a certain "no Statement" for a copy of a managed policy made with lookup(data..., "policy", {}),
# and "both Action and NotAction" for statements rebuilt with flatten([lookup(s, "NotAction", [])])
# from a document whose ARNs are known only at plan.)

data "aws_iam_policy" "managed" {
  arn = "arn:aws:iam::aws:policy/AWSCodeBuildDeveloperAccess"
}

resource "aws_iam_policy" "copy" {
  name   = "codebuild-developer-copy"
  policy = lookup(data.aws_iam_policy.managed, "policy", {})
}

variable "extra_not_actions" {}

variable "extra_not_resources" {}

data "aws_iam_policy_document" "flattened" {
  statement {
    actions       = ["s3:GetObject"]
    not_actions   = flatten([var.extra_not_actions])
    resources     = ["arn:aws:s3:::reports/*"]
    not_resources = compact([var.extra_not_resources])
  }
}

resource "aws_iam_policy" "flattened" {
  name   = "flattened"
  policy = data.aws_iam_policy_document.flattened.json
}

# Known lists: both elements are certainly there.
data "aws_iam_policy_document" "both" {
  statement {
    actions     = ["s3:GetObject"]
    not_actions = flatten([["s3:DeleteObject"], []]) # Noncompliant {{has both Action and NotAction}}
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "both" {
  name   = "both"
  policy = data.aws_iam_policy_document.both.json
}
