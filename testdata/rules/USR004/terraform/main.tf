# USR004 - shared or temporary users in Terraform: the name (at the name), the resource name (at
# the resource), then tags (an expiry key at the key, else a value with one of the words).

resource "aws_iam_user" "ci" {
  name = "shared-ci" # Noncompliant {{User name "shared-ci" marks a shared user ("shared")}}
}

resource "aws_iam_user" "runner" {
  name = "TestRunner" # Noncompliant
}

# A variable default, and a value from terraform.tfvars (the default "alice" is replaced).
resource "aws_iam_user" "ops" {
  name = var.ops_user_name # Noncompliant {{("temp")}}
}

resource "aws_iam_user" "reviewer" {
  name = var.reviewer_name # Noncompliant {{("poc")}}
}

# A variable without value: the name is not judged, but the resource name is.
resource "aws_iam_user" "tmp_contractor" { # Noncompliant {{User aws_iam_user.tmp_contractor is named as a temporary user ("tmp")}}
  name = var.contractor_name
}

# The name is fine, the resource name is not.
resource "aws_iam_user" "sandbox" { # Noncompliant
  name = "erin"
}

# Compliant: words inside other words, and a variable without value with a plain resource name.
resource "aws_iam_user" "contest_judge" {
  name = "contest-judge"
}

resource "aws_iam_user" "teamcity" {
  name = "teamcity-agent"
}

resource "aws_iam_user" "attempts" {
  name = "attempt-logger"
}

resource "aws_iam_user" "external" {
  name = var.contractor_name
}

# for_each: only the "demo" instance is reported.
resource "aws_iam_user" "people" {
  for_each = toset(["alice", "demo"])
  name     = each.key # Noncompliant {{User name "demo"}}
}

# count with a generated name: nothing marks these users.
resource "aws_iam_user" "workers" {
  count = 2
  name  = "worker-${count.index}"
}

# Tags. Team as a key is fine; an expiry key is reported at the key; a value with a word at it.
resource "aws_iam_user" "frank" {
  name = "frank"
  tags = {
    Team       = "payments"
    expires_at = "2025-06-30" # Noncompliant {{has an expiry tag "expires_at"}}
  }
}

resource "aws_iam_user" "grace" {
  name = "grace"
  tags = {
    Owner = "platform-team" # Noncompliant {{is tagged Owner = "platform-team", a shared user}}
  }
}

resource "aws_iam_user" "heidi" {
  name = "heidi"
  tags = {
    DeleteAfter = "2025-01-31" # Noncompliant
  }
}

# Compliant: an expiry tag whose value says the user never expires.
resource "aws_iam_user" "judy" {
  name = "judy"
  tags = {
    expires = "never"
  }
}

# Tags from a local, merged with one of the resource's own (reported where written).
resource "aws_iam_user" "ivan" {
  name = "ivan"
  tags = merge(local.common_tags, { Purpose = "load test" }) # Noncompliant
}

# Compliant: plain tags, and a tag value from a variable without value.
resource "aws_iam_user" "judy" {
  name = "judy"
  tags = merge(local.common_tags, { Owner = var.owner })
}

locals {
  common_tags = {
    CostCenter = "4711"
    ManagedBy  = "terraform"
  }
}

# A tag map with an unknown value: the known expiry tag is still judged.
resource "aws_iam_user" "kevin" {
  name = "kevin"
  tags = merge({ ExpiresOn = "2025-06-30" }, { Owner = var.owner }) # Noncompliant
}
