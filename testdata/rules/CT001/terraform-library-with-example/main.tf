# A reusable module with an example that configures a provider: the example is a deployment,
# and the module's role is deployed through it.
variable "name" {
  type = string
}

resource "aws_iam_role" "this" { # Noncompliant {{no CloudTrail trail}}
  name = var.name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "lambda.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}
