variable "name" {
  type = string
}

variable "instance_profile" {
  type    = string
  default = null
}

# module.bastion gives no profile; module.app gives one (compliant).
resource "aws_instance" "this" { # Noncompliant {{EC2 instance module.bastion.aws_instance.this has no instance profile}}
  ami                  = "ami-0c55b159cbfafe1f0"
  instance_type        = "t3.micro"
  iam_instance_profile = var.instance_profile
  tags                 = { Name = var.name }
}
