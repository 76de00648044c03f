# REV003 - compliant: a regular module (not scanned as an account baseline) is not judged.

resource "aws_iam_user" "ci" {
  name = "ci"
}
