# ADM003 - a region test does not narrow an admin grant, unless no region can pass it: a value
# that cannot be a region name (a placeholder left in by mistake) makes the statement grant nothing.

# Compliant: "$var.region" is no region (the interpolation lacks its braces).
resource "aws_iam_policy" "never" {
  name = "region-locked-by-mistake"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { StringEquals = { "aws:RequestedRegion" = "$var.region" } }
    }]
  })
}

# Near miss: a real region leaves every action on every resource there.
resource "aws_iam_policy" "one_region" {
  name = "region-locked"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*" # Noncompliant {{Policy "region-locked" allows every action ("*") on every resource without a restricting condition}}
      Resource  = "*"
      Condition = { StringLike = { "aws:RequestedRegion" = ["eu-*", "$var.other"] } }
    }]
  })
}
