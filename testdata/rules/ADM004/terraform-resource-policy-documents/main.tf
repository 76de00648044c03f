# ADM004 - documents used by no resource of the scan (handed to a module whose source is not
# here). One names a principal in its statements: it is a resource policy (here a key policy,
# whose Resource "*" means the key itself), never an identity grant (compliant). The other names
# none: it may become any principal's policy and is judged on its own (reported).

data "aws_iam_policy_document" "key_policy" {
  statement {
    sid       = "AccountAdministersTheKey"
    actions   = ["kms:*"]
    resources = ["*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root"]
    }
  }
}

data "aws_iam_policy_document" "operator" {
  statement {
    actions   = ["kms:*"] # Noncompliant {{every kms action ("kms:*")}}
    resources = ["*"]
  }
}

module "key" {
  source = "registry.example/acme/kms-key/aws"
  policy = data.aws_iam_policy_document.key_policy.json
}

module "operator_role" {
  source = "registry.example/acme/role/aws"
  policy = data.aws_iam_policy_document.operator.json
}
