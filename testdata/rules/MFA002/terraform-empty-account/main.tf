# MFA002 - an account id left empty ("arn:aws:iam:::root" from a variable whose default is "")
# is a placeholder the caller must fill: IAM refuses such a principal, so whom the deployed trust
# lets in is not known and nothing is certain. Found in two public modules. Near miss: the same
# variable given an account id.

variable "ci_account_id" {
  description = "Account id of the CI account (required)"
  default     = ""
}

variable "audit_account_id" {
  default = "111122223333"
}

# Compliant (not decided): the account is not known.
data "aws_iam_policy_document" "ci" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.ci_account_id}:root"]
    }
  }
}

resource "aws_iam_role" "ci" {
  name               = "ci"
  assume_role_policy = data.aws_iam_policy_document.ci.json
}

data "aws_iam_policy_document" "audit" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.audit_account_id}:root"] # Noncompliant {{arn:aws:iam::111122223333:root}}
    }
  }
}

resource "aws_iam_role" "audit" {
  name               = "audit"
  assume_role_policy = data.aws_iam_policy_document.audit.json
}
