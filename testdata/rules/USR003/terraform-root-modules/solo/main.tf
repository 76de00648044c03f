# Another root module (another deployment): its user is in no group.
provider "aws" {
  region = "eu-west-1"
}

module "u" {
  source = "../modules/user"
  name   = "solo-user"
}
