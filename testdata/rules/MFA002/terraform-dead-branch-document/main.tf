# MFA002 - a trust document named only in the branch of a known condition that is not taken is
# not "used by no role": another instance takes that branch and is judged there (regression: a
# role module choosing its MFA document when var.requires_mfa, called with true twice, got two
# MFA002 on the plain document "used by no role in the scan").

module "admin" {
  source       = "./role"
  name         = "admin"
  requires_mfa = true
}

module "custom" {
  source       = "./role"
  name         = "custom"
  requires_mfa = true
}

module "readonly" {
  source       = "./role"
  name         = "readonly"
  requires_mfa = false
}

# the same through a local of the root module: the loose document is in the branch not taken
variable "strict" {
  type    = bool
  default = true
}

data "aws_iam_policy_document" "strict" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
    condition {
      test     = "Bool"
      variable = "aws:MultiFactorAuthPresent"
      values   = ["true"]
    }
  }
}

data "aws_iam_policy_document" "loose" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

locals {
  trust = var.strict ? data.aws_iam_policy_document.strict.json : data.aws_iam_policy_document.loose.json
}

resource "aws_iam_role" "operators" {
  name               = "operators"
  assume_role_policy = local.trust
}
