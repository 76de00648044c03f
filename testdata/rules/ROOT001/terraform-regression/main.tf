# ROOT001 regression - wrong location. rules.md: "Location: the offending value (attribute/property)".
# An access key whose user is aws_iam_user.x.name is located where the user's name is written,
# inside the aws_iam_user block, not at the key's user attribute; two keys for that
# user share that line. The same user through aws_iam_user.root.id is located at the key's
# user attribute, as expected below.

resource "aws_iam_user" "root" {
  name = "root"
}

resource "aws_iam_access_key" "by_name" {
  user = aws_iam_user.root.name # Noncompliant {{aws_iam_access_key.by_name is created for the root user}}
}

resource "aws_iam_access_key" "by_name_again" {
  user   = aws_iam_user.root.name # Noncompliant {{aws_iam_access_key.by_name_again}}
  status = "Inactive"
}
