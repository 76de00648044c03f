# A child module reading its own file, the way Terraform modules do.
resource "aws_iam_policy" "this" {
  name   = "module-admin"
  policy = file("${path.module}/policy.json")
}
