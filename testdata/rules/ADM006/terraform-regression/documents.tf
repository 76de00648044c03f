# 3. The same with aws_iam_policy_document: one statement whose resource is unknown hides the
#    known statement before it.
data "aws_iam_policy_document" "partly_unknown" {
  statement {
    actions   = ["iam:PassRole"] # Noncompliant
    resources = ["*"]
  }
  statement {
    actions   = ["s3:GetObject"]
    resources = [var.bucket_arn]
  }
}

resource "aws_iam_policy" "partly_unknown" {
  name   = "partly-unknown-document"
  policy = data.aws_iam_policy_document.partly_unknown.json
}

# 4. A conditional list of actions in aws_iam_policy_document: the iam:PassRole branch should be
#    reported.
data "aws_iam_policy_document" "conditional" {
  statement {
    actions   = var.allow_pass ? ["iam:PassRole"] : ["iam:GetRole"] # Noncompliant
    resources = ["*"]
  }
}

resource "aws_iam_policy" "conditional_document" {
  name   = "conditional-document"
  policy = data.aws_iam_policy_document.conditional.json
}

# 5. False positive. A condition block whose test cannot be resolved is dropped from the
#    rendered aws_iam_policy_document, so the iam:PassedToService condition disappears and the
#    statement is reported. rules.md: "An action, resource or condition that cannot be resolved
#    never gives a certain finding"; the metadata: a condition that tests iam:PassedToService,
#    under any operator, makes the statement compliant. Compliant: no marker.
data "aws_iam_policy_document" "operator_from_variable" {
  statement {
    actions   = ["iam:PassRole"]
    resources = ["*"]
    condition {
      test     = var.operator
      variable = "iam:PassedToService"
      values   = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "operator_from_variable" {
  name   = "operator-from-variable"
  policy = data.aws_iam_policy_document.operator_from_variable.json
}

variable "operator" {
  type = string
}
