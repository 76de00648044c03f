resource "aws_instance" "web" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=placeholder
  EOT
  # Noncompliant@-4 {{aws_access_key_id}}
}

resource "aws_instance" "encoded" {
  ami              = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = base64encode("export AWS_SECRET_ACCESS_KEY=x") # Noncompliant {{aws_secret_access_key}}
}

resource "aws_instance" "provisioned" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  provisioner "file" {
    source      = "credentials"
    destination = "/home/ec2-user/.aws/credentials" # Noncompliant {{A provisioner}}
  }
}

# compliant: a role, and user data without credentials
resource "aws_instance" "good" {
  ami                  = "ami-12345678"
  instance_type        = "t3.micro"
  iam_instance_profile = "web"
  user_data            = "#!/bin/bash\nyum -y install httpd\n"
}
