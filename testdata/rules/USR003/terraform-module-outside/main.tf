# USR003 - users handed to a module whose source is not in the scan (a registry module that is
# not installed): the module may put them in a group, so they are not reported. A user the
# module is not handed is.

locals {
  developers = ["dana", "eli"]
}

resource "aws_iam_user" "developer" {
  for_each = toset(local.developers)
  name     = each.value
}

# Handed by name, through the same list the users are made from.
module "developers" {
  source  = "acme/user-group/aws"
  version = "2.1.0"
  group   = "developers"
  users   = local.developers
}

resource "aws_iam_user" "auditor" {
  name = "fay"
}

# Handed by a reference to the user, inside a map.
module "auditors" {
  source  = "acme/user-group/aws"
  version = "2.1.0"
  group   = "auditors"
  members = { primary = aws_iam_user.auditor.name }
}

resource "aws_iam_user" "bot" { # Noncompliant {{User "gus" (aws_iam_user.bot) belongs to no group}}
  name = "gus"
}

# A text built around the user's name is another name (a secret named after the user).
module "bot_secret" {
  source = "acme/secret/aws"
  name   = "iam-${aws_iam_user.bot.name}"
}
