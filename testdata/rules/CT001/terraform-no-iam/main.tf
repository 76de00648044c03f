# CT001 - compliant: no IAM identity or policy is defined (and the project is not marked as an
# account baseline), so no trail is required here.

# Compliant: not an IAM resource.
resource "aws_s3_bucket" "assets" {
  bucket = "static-assets"
}

# Compliant: an instance profile naming a role managed elsewhere is not an IAM identity or
# policy of this project.
resource "aws_iam_instance_profile" "web" {
  name = "web"
  role = "web-role"
}

# Compliant: not created (count = 0).
resource "aws_iam_user" "disabled" {
  count = 0
  name  = "disabled"
}
