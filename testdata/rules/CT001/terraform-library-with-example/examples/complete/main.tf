provider "aws" {
  region = "eu-west-1"
}

module "role" {
  source = "../.."
  name   = "example"
}
