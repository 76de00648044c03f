# Literal "${" and "%{" in templates: HashiCorp's converter writes them escaped ("$${", "%%{"),
# as HCL's JSON syntax reads every string as a template.
quoted    = "$${x} %%{y}"
mixed     = "${var.a}$${b}%%{ if }"
heredoc   = <<EOT
mkdir -p "$${home}/.aws" %%{ z }
EOT
flush     = <<-EOT
    $${flush}
  EOT
runs      = "$$ {x} $$$${y} %%%{z}"
key       = { "$${k}" = 1 }
trailing  = "pre$${"
list      = ["$${l}"]
condition = var.x ? "$${t}" : "f"
nested    = "a${"$${x}"}b"
plain     = "$x {y} $"

data "aws_iam_policy_document" "p" {
  statement {
    actions = ["sts:TagSession"]
    condition {
      test     = "StringEquals"
      variable = "sts:RoleSessionName"
      values   = ["$${aws:PrincipalTag/name}"]
    }
  }
}
