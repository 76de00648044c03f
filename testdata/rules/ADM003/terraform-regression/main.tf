# ADM003 regression: rules.md - "A data "aws_iam_policy_document" that feeds another document through
# source_policy_documents/override_policy_documents is judged in the merged result, once, where
# that result is used". Today a document that is only referenced by another data source is
# also judged on its own: statement "Everything" is reported although the override replaces
# it in the only document that takes effect, and statement "Kept" is reported twice.

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "Everything"
    actions   = ["*"]
    resources = ["*"]
  }
  statement {
    sid       = "Kept"
    actions   = ["*"] # Noncompliant {{Policy "merged"}}
    resources = ["*"]
  }
}

# Overrides statement "Everything" of base with a read-only one.
data "aws_iam_policy_document" "narrow" {
  statement {
    sid       = "Everything"
    actions   = ["s3:GetObject"]
    resources = ["*"]
  }
}

# The only document that takes effect: statement "Kept" allows everything.
data "aws_iam_policy_document" "merged" {
  source_policy_documents   = [data.aws_iam_policy_document.base.json]
  override_policy_documents = [data.aws_iam_policy_document.narrow.json]
}

# Where the merged document is used.
resource "aws_iam_policy" "merged" {
  name   = "merged"
  policy = data.aws_iam_policy_document.merged.json
}

# Compliant: the admin statement of this source is overridden in the only document used.
data "aws_iam_policy_document" "wide_source" {
  statement {
    sid       = "Wide"
    actions   = ["*"]
    resources = ["*"]
  }
}

# Overrides statement "Wide" with a read-only one.
data "aws_iam_policy_document" "narrow_wide" {
  statement {
    sid       = "Wide"
    actions   = ["ec2:Describe*"]
    resources = ["*"]
  }
}

# Compliant: the merged result is read-only.
data "aws_iam_policy_document" "final" {
  source_policy_documents   = [data.aws_iam_policy_document.wide_source.json]
  override_policy_documents = [data.aws_iam_policy_document.narrow_wide.json]
}

# Compliant: uses the read-only merged document.
resource "aws_iam_role_policy" "final" {
  name   = "final"
  role   = "app"
  policy = data.aws_iam_policy_document.final.json
}
