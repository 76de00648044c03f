# TRUST002 - a statement that allows only sts:TagSession or sts:SetSourceIdentity adds to a
# session that another statement lets start: without sts:AssumeRoleWithWebIdentity it lets no
# token in. Found on a public account module: a role whose assuming statement pins the subject
# was reported for its TagSession statement.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# Compliant: the assuming statement pins the subject; the other one only tags the session.
data "aws_iam_policy_document" "deploy" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme/app:*"]
    }
  }
  statement {
    actions = ["sts:TagSession", "sts:SetSourceIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy.json
}

# A wildcard that covers the web-identity action lets any token in.
data "aws_iam_policy_document" "wildcard" {
  statement {
    actions = ["sts:AssumeRole*", "sts:TagSession"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn] # Noncompliant {{without a condition on the subject}}
    }
  }
}

resource "aws_iam_role" "wildcard" {
  name               = "wildcard"
  assume_role_policy = data.aws_iam_policy_document.wildcard.json
}
