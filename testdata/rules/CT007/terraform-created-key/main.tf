# CT007 - a trail module that leaves encryption out when no key is given
# (var.kms_key_arn == "" ? null : var.kms_key_arn), called with the ARN of a key the caller
# creates: an ARN known only after apply is never empty, so the trail is encrypted (regression:
# a certain "sets an empty KMS key id" from the true branch of a condition taken as unknown).

resource "aws_kms_key" "trail" {
  description         = "CloudTrail logs"
  enable_key_rotation = true
}

module "encrypted" {
  source      = "./trail"
  name        = "encrypted"
  kms_key_arn = aws_kms_key.trail.arn
}

# The module's default: no key given, the trail is not encrypted.
module "plain" {
  source = "./trail"
  name   = "plain"
}
