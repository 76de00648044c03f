# REV002 - compliant: a regular module (not scanned as an account baseline) is not judged.

resource "aws_iam_group" "developers" {
  name = "developers"
}
