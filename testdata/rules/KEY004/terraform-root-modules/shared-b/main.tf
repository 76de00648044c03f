# A key for a user this root module does not declare: the user "ci-deployer" declared by the
# other root module, which now has two keys.
provider "aws" {
  region = "eu-west-1"
}

resource "aws_iam_access_key" "key" { # Noncompliant {{"ci-deployer" has 2 active access keys}}
  user    = "ci-deployer"
  pgp_key = "keybase:ops"
}
