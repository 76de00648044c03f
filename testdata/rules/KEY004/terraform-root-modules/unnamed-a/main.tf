# One of two root modules that call the same module with a name not known here: the user of
# the same address in the other root module is another user.
variable "stack" {
  type = string
}

module "robot" {
  source = "../robot-module"
  name   = "${var.stack}-robot"
}
