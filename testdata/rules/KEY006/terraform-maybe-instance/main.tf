# A key written in the source is exposed to whoever reads it, whether or not the instance
# around it is ever created.
variable "create_bastion" {
  type = bool
}

resource "aws_instance" "bastion" {
  count                = var.create_bastion ? 1 : 0
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "bastion"
  user_data            = "export AWS_ACCESS_KEY_ID=AKIAZZQ3XK7N5WTVB2QH" # Noncompliant {{AKIA}}
}
