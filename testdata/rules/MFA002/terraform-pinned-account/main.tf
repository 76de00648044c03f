# MFA002 - the provider is pinned to account 111122223333: that literal account id is the
# deploying account, where an external id does not replace MFA; another account's id is not.
provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_iam_role" "operators" {
  name = "operators"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:root" } # Noncompliant {{can be assumed by "arn:aws:iam::111122223333:root" without MFA: require}}
      Condition = { StringEquals = { "sts:ExternalId" = "c0ffee-42" } }
    }]
  })
}

# compliant: another account, with an external id
resource "aws_iam_role" "vendor" {
  name = "vendor"
  assume_role_policy = jsonencode({
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::444455556666:root" }
      Condition = { StringEquals = { "sts:ExternalId" = "c0ffee-42" } }
    }]
  })
}
