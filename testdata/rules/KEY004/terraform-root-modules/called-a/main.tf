# One of two root modules that call the same module with the same user name: two accounts
# (IAM names are unique in one), two users with one key each, never one user with two.
provider "aws" {
  region = "eu-west-1"
}

module "robot" {
  source = "../robot-module"
  name   = "release-robot"
}
