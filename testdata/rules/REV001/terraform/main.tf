# REV001 - compliant: a regular module (not scanned as an account baseline) is not judged, even
# without the Config rule.

resource "aws_iam_group" "developers" {
  name = "developers"
}
