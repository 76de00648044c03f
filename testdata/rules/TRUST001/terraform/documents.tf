# aws_iam_policy_document as a trust policy: principals of type "*", or type "AWS" with "*".

data "aws_iam_policy_document" "anyone" {
  statement {
    actions = ["sts:AssumeRole"]
    principals { # Noncompliant {{can be assumed by anyone}}
      type        = "*"
      identifiers = ["*"]
    }
  }
}

resource "aws_iam_role" "anyone" {
  name               = "anyone"
  assume_role_policy = data.aws_iam_policy_document.anyone.json
}

data "aws_iam_policy_document" "any_aws" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"] # Noncompliant
    }
    # Does not restrict the caller: TLS only.
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["true"]
    }
  }
}

resource "aws_iam_role" "any_aws" {
  name               = "any-aws"
  assume_role_policy = data.aws_iam_policy_document.any_aws.json
}

# for_each over roles sharing one open document: one finding per role.
resource "aws_iam_role" "shared" {
  for_each           = toset(["reader", "writer"])
  name               = each.key
  assume_role_policy = data.aws_iam_policy_document.open_for_each.json
}

data "aws_iam_policy_document" "open_for_each" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "*"] # Noncompliant 2
    }
  }
}

# Compliant: aws:PrincipalOrgID restricts the caller.
data "aws_iam_policy_document" "org" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-a1b2c3d4e5"]
    }
  }
}

resource "aws_iam_role" "org" {
  name               = "org"
  assume_role_policy = data.aws_iam_policy_document.org.json
}
