# ADM003 - an admin statement that expired before the scan date (judged as on 2026-06-15)
# grants nothing; one that is still open is reported.

resource "aws_iam_policy" "expired" {
  name = "expired"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*"
      Resource  = "*"
      Condition = { DateLessThan = { "aws:CurrentTime" = "2026-06-15T00:00:00Z" } }
    }]
  })
}

resource "aws_iam_policy" "until_2027" {
  name = "until-2027"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "*" # Noncompliant {{Policy "until-2027" allows every action}}
      Resource  = "*"
      Condition = { DateLessThan = { "aws:CurrentTime" = "2027-01-01T00:00:00Z" } }
    }]
  })
}
