# ADM003 gaps with policy documents read by file():
# 1. file("${path.module}/...") - the usual way to read a file next to a module - finds
#    nothing: path.module evaluates to the directory as displayed (relative to the working
#    directory, e.g. "testdata/rules/ADM003/terraform-file-gaps"), and that path is then
#    resolved against the module directory again, so the read fails and the policy is unknown.
#    In Terraform, path.module is relative to the working directory and so is file().
#    (Scanning this directory by an absolute path that is not under the working directory
#    happens to work for the root module.)
# 2. rules.md - "Location: the offending value (... or the policy statement element)": when the
#    file is read (file("policies/other.json") works), the finding is located at the file()
#    call and the message says "statement at line N" for a line of main.tf that holds no
#    statement. The statement and its "Action" element are in the JSON file: the findings are
#    expected there (see policies/*.expected and modules/admin/*.expected).
# The same holds for templatefile().

resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policies/admin.json")
}

# Read without path.module: found, but located at this call.
resource "aws_iam_policy" "relative" {
  name   = "relative"
  policy = file("policies/other.json")
}

# templatefile() with path.module: not read.
resource "aws_iam_policy" "templated" {
  name   = "templated"
  policy = templatefile("${path.module}/policies/wildcard.json.tftpl", { action = "*", resource = "*" })
}

# templatefile() without path.module: found, but located at this call.
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
