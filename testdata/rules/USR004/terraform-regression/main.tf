# USR004 gaps - Terraform.

# 1. A conditional name. Every other value rule judges each branch of a conditional on an
#    unknown variable (rules.md conventions; e.g. PWD002-PWD006, CT003 report "the false
#    branch of a condition that is unknown"). Both branches are known here, one is "test-alice";
#    an early build does not judge the name at all.
resource "aws_iam_user" "alice" {
  name = var.environment == "prod" ? "alice" : "test-alice" # Noncompliant {{("test")}}
}

# 2. Order of the tag checks. rules.md/metadata: "a tag key that names an expiry ... marks the
#    user as temporary; otherwise a tag value that contains one of the words". The expiry key
#    should be what is reported; an early build walks the tags in order and reports the "Owner" value
#    (line 18) because it comes first.
resource "aws_iam_user" "carol" {
  name = "carol"
  tags = {
    Owner     = "shared-services"
    ExpiresOn = "2025-06-30" # Noncompliant {{expiry tag}}
  }
}

variable "environment" {
  type = string
}
