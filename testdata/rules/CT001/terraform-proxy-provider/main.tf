# A provider block with only an alias is a proxy (the caller passes the configuration in): the
# module configures nothing and is a library.
provider "aws" {
  alias = "peer"
}

resource "aws_iam_role" "peer" {
  provider = aws.peer
  name     = "peer-reader"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "lambda.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}
