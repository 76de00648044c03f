# aws_iam_policy_document: judged where the merged result is used, once.

data "aws_iam_policy_document" "launch" {
  statement {
    sid       = "Launch"
    actions   = ["ec2:RunInstances", "iam:PassRole"] # Noncompliant {{statement "Launch"}}
    resources = ["*"]
  }

  # Compliant: iam:PassedToService.
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com"]
    }
  }
}

# Merges "launch" through source_policy_documents: judged once, in the merged result.
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.launch.json]
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::artifacts/*"]
  }
}

resource "aws_iam_policy" "merged" {
  name   = "merged"
  policy = data.aws_iam_policy_document.merged.json
}

# NotActions that keep iam:PassRole; used nowhere in the scan: judged on its own.
data "aws_iam_policy_document" "all_but_s3" {
  statement {
    not_actions = ["s3:*"] # Noncompliant
    resources   = ["*"]
  }
}

# Compliant: not_actions excludes iam:*; resources limited to roles.
data "aws_iam_policy_document" "safe" {
  statement {
    not_actions = ["iam:*"]
    resources   = ["*"]
  }
  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::*:role/*"]
  }
}
