variable "name" {
  type = string
}

variable "requires_mfa" {
  type    = bool
  default = true
}

data "aws_iam_policy_document" "plain" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"] # Noncompliant {{Role module.readonly.aws_iam_role.this can be assumed}}
    }
  }
}

data "aws_iam_policy_document" "mfa" {
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

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = var.requires_mfa ? data.aws_iam_policy_document.mfa.json : data.aws_iam_policy_document.plain.json
}
