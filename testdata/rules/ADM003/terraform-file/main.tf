# ADM003 with policy documents read by file() and templatefile(), with and without
# path.module, in the root module and in a child module: the findings are located at the
# statement element inside the JSON file (see policies/*.expected, modules/admin/*.expected),
# not at the call.

resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policies/admin.json")
}

# Read without path.module.
resource "aws_iam_policy" "relative" {
  name   = "relative"
  policy = file("policies/other.json")
}

# templatefile() with path.module.
resource "aws_iam_policy" "templated" {
  name   = "templated"
  policy = templatefile("${path.module}/policies/wildcard.json.tftpl", { action = "*", resource = "*" })
}

# templatefile() without path.module.
resource "aws_iam_policy" "templated_relative" {
  name   = "templated-relative"
  policy = templatefile("policies/wildcard.json.tftpl", { action = "*", resource = "*" })
}

# The child module reads its own policy.json with path.module.
module "admin" {
  source = "./modules/admin"
}

# Compliant: a read-only document, read the same way.
resource "aws_iam_policy" "reader" {
  name   = "reader"
  policy = file("${path.module}/policies/reader.json")
}

# jsondecode(file()): the decoded documents keep their elements in the file (see
# policies/decoded.json.expected), not at the call (regression: located at the locals line, with
# "statement at line" of this file).
locals {
  decoded = jsondecode(file("${path.module}/policies/decoded.json"))
}

resource "aws_iam_policy" "decoded" {
  name   = "decoded"
  policy = jsonencode(local.decoded.admin)
}

resource "aws_iam_policy" "decoded_reader" {
  name   = "decoded-reader"
  policy = jsonencode(local.decoded.reader)
}
