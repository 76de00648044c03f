# POL001 - policy documents AWS rejects at deploy, in every shape Terraform writes them.

variable "bucket" {
  type = string
}

variable "actions" {
  type = list(string)
}

variable "strict" {
  type = bool
}

# A heredoc with a trailing comma: reported at the comma, inside the heredoc.
resource "aws_iam_policy" "heredoc" {
  name   = "heredoc"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::reports/*",
    }
  ]
}
EOF
}
# Noncompliant@-6 {{Policy "heredoc" cannot be deployed: the text is not valid JSON (a trailing comma before '}' (JSON allows none))}}

# The unknown bucket name lies inside a JSON string: the trailing comma is still certain.
resource "aws_iam_policy" "partly_unknown" {
  name   = "partly-unknown"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": "s3:GetObject",
        "Resource": "arn:aws:s3:::${var.bucket}/*",
        "Condition": {"Bool": {"aws:SecureTransport": "true"}},
      }]
    }
  EOF
}
# Noncompliant@-5 {{a trailing comma before '}'}}

# An unknown list written outside any JSON string may be any JSON: not judged.
resource "aws_iam_policy" "unknown_syntax" {
  name   = "unknown-syntax"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Action": ${jsonencode(var.actions)}, "Resource": "*",}]
}
EOF
}

# A quoted JSON string: reported at the string.
resource "aws_iam_user_policy" "quoted" {
  name   = "quoted"
  user   = "someone"
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:GetObject\"}}" # Noncompliant {{Policy "quoted" cannot be deployed: the statement at line 65 has neither Resource nor NotResource}}
}

resource "aws_iam_role_policy" "encoded" {
  name = "encoded"
  role = "some-role"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "allow" # Noncompliant {{Effect "allow" of the statement at line 74 is neither "Allow" nor "Deny" (the value is case-sensitive)}}
        Action   = "s3:GetObject"
        Resource = "*"
      },
      {
        Effect    = var.strict ? "Deny" : "Permit" # Noncompliant {{Effect "Permit" of the statement at line 79 is neither "Allow" nor "Deny" (from the false branch of a condition that is unknown}}
        NotAction = "s3:GetObject"
        Resource  = "*"
        Condition = {
          StringEquals      = { "aws:PrincipalTag/team" = "ops" }
          "ForAllValues:ArnLike" = { "aws:SourceArn" = ["arn:aws:sns:*:*:alerts"] }
          "ArnLikeIfExist"  = { "aws:SourceArn" = "arn:aws:sns:*:*:alerts" } # Noncompliant {{condition operator "ArnLikeIfExist" of the statement at line 79 is not an IAM condition operator (did you mean "ArnLikeIfExists"?)}}
        }
      },
      {
        Effect   = "Allow"
        Action   = "s3:GetObject"
        Resource = var.strict ? null : "*" # absent in one branch only: not decided
      }
    ]
  })
}

# A file read by file(): reported inside the file (see policies/invalid.json.expected).
resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policies/invalid.json")
}

# A template rendered by templatefile(), placed line for line (see policies/version.json.tpl.expected).
resource "aws_iam_policy" "from_template" {
  name   = "from-template"
  policy = templatefile("${path.module}/policies/version.json.tpl", { bucket = "reports" })
}

# A policy-document data source: the provider accepts only Allow and Deny.
data "aws_iam_policy_document" "deploy" {
  statement {
    effect    = "Alow" # Noncompliant {{Effect "Alow" of the statement at line 112 is neither "Allow" nor "Deny"}}
    actions   = ["s3:PutObject"]
    resources = ["*"]
  }
  statement {
    actions = ["s3:GetObject"]
  }
  # Noncompliant@-3 {{Policy "deploy" cannot be deployed: the statement at line 117 has neither Resource nor NotResource}}
}

resource "aws_iam_policy" "deploy" {
  name   = "deploy"
  policy = data.aws_iam_policy_document.deploy.json
}

# The same shape as a trust policy: it has no Resource.
data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "trusted" {
  name               = "trusted"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

# Used nowhere in the scan: it may become a trust policy, so a missing Resource is not claimed.
data "aws_iam_policy_document" "handed_out" {
  statement {
    actions = ["sts:AssumeRole"]
    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = ["x"]
    }
    condition { # Noncompliant {{Policy document data.aws_iam_policy_document.handed_out cannot be deployed: condition operator "StringEqualz"}}
      test     = "StringEqualz"
      variable = "aws:PrincipalOrgID"
      values   = ["o-example"]
    }
  }
}

output "handed_out" {
  value = data.aws_iam_policy_document.handed_out.json
}

# The provider leaves empty lists out of the JSON: only not_resources is rendered, and only not_actions.
data "aws_iam_policy_document" "excluding" {
  statement {
    actions       = []
    not_actions   = ["iam:*"]
    resources     = []
    not_resources = ["arn:aws:s3:::audit/*"]
  }
}

resource "aws_iam_policy" "excluding" {
  name   = "excluding"
  policy = data.aws_iam_policy_document.excluding.json
}

# A document whose account id is known only at plan, passed through string functions
# (regression: its text was read as "{}" once a function took it, and reported as having no
# Statement). join of one element and trimspace leave the document; other functions make a text
# that is not known: never a certain finding.
data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "account_bucket" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::reports-${data.aws_caller_identity.current.account_id}/*"]
  }
}

resource "aws_iam_policy" "joined" {
  name   = "joined"
  policy = join("", [data.aws_iam_policy_document.account_bucket.json])
}

resource "aws_iam_policy" "joined_splat" {
  name   = "joined-splat"
  policy = join("", compact(data.aws_iam_policy_document.account_bucket.*.json))
}

resource "aws_iam_policy" "trimmed" {
  name   = "trimmed"
  policy = trimspace(data.aws_iam_policy_document.account_bucket.json)
}

resource "aws_iam_policy" "chomped" {
  name   = "chomped"
  policy = chomp(data.aws_iam_policy_document.account_bucket.json)
}

resource "aws_iam_policy" "replaced" {
  name   = "replaced"
  policy = replace(data.aws_iam_policy_document.account_bucket.json, "reports", "audit")
}

resource "aws_iam_policy" "formatted" {
  name   = "formatted"
  policy = format("%s", data.aws_iam_policy_document.account_bucket.json)
}

resource "aws_iam_policy" "reencoded" {
  name   = "reencoded"
  policy = jsonencode(jsondecode(data.aws_iam_policy_document.account_bucket.json))
}

resource "aws_iam_policy" "interpolated" {
  name   = "interpolated"
  policy = "${data.aws_iam_policy_document.account_bucket.json}\n"
}

# near miss: a document that really has no Statement stays certain after join
resource "aws_iam_policy" "joined_empty" {
  name   = "joined-empty"
  policy = join("", ["{\"Version\": \"2012-10-17\"}"]) # Noncompliant {{Policy "joined-empty" cannot be deployed: the document has no Statement}}
}

# A list with a value known only after apply, encoded into the JSON outside any string
# (regression: the encoded text was empty, and the policy was reported as invalid JSON).
resource "aws_sqs_queue" "retry" {
  name = "retry"
}

resource "aws_iam_policy" "encoded_list" {
  name   = "encoded-list"
  policy = <<-EOF
    {
      "Version": "2012-10-17",
      "Statement": [{"Effect": "Allow", "Action": "sqs:SendMessage", "Resource": ${jsonencode([aws_sqs_queue.retry.arn])}}]
    }
  EOF
}

resource "aws_iam_policy" "templated_list" {
  name   = "templated-list"
  policy = templatefile("${path.module}/policies/queues.json.tpl", { queues = jsonencode([aws_sqs_queue.retry.arn]) })
}

