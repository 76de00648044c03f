# USR003 - users whose names are not known, handed to modules whose source is not in the scan:
# a reference to the user (its ARN) hands it over (not reported); a text built around its name
# names something else, and that user is still judged.

variable "prefix" {
  type = string
}

resource "aws_iam_user" "uploader" {
  name = "${var.prefix}-uploader"
}

module "uploader_access" {
  source    = "acme/bucket-access/aws"
  version   = "3.0.0"
  principal = aws_iam_user.uploader.arn
}

resource "aws_iam_user" "reader" { # Noncompliant {{belongs to no group}}
  name = "${var.prefix}-reader"
}

module "reader_secret" {
  source  = "acme/secret/aws"
  version = "1.0.0"
  name    = "credentials-${aws_iam_user.reader.name}"
}
