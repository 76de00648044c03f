variable "user" {
  type = string
}

# module.root_key passes "root"; module.ci_key passes "ci" (compliant).
resource "aws_iam_access_key" "this" {
  user    = var.user # Noncompliant {{from argument user of module.root_key}}
  pgp_key = "keybase:security"
}
