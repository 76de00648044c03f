output "secret" {
  value = nonsensitive(aws_iam_access_key.ci.secret) # Noncompliant {{flows into output "secret" (not marked sensitive)}}
}

output "secret_sensitive" {
  value     = aws_iam_access_key.ci.secret
  sensitive = true
}

output "key_id" {
  value = aws_iam_access_key.ci.id
}

output "mailer_settings" {
  value = module.mailer.settings # Noncompliant {{The SMTP password of access key aws_iam_access_key.ci (ses_smtp_password_v4) flows into output "mailer_settings"}}
}

# Not judged: whether the output is sensitive depends on a variable without a value.
variable "hide_secret" {
  type = bool
}

output "maybe_hidden" {
  value     = aws_iam_access_key.ci.secret
  sensitive = var.hide_secret
}

# A text the secret is only a part of: the origin of the text (the domain's value) is not the
# secret's, so the message names none (found on a public repository: "from value of domain").
variable "domain" {
  default = "example.com"
}

output "config" {
  value = <<-CONFIG
    DNS for ${var.domain}
    Secret key: ${aws_iam_access_key.ci.secret}
  CONFIG
  # Noncompliant@-4 {{flows into output "config" (not marked sensitive): anyone}}
}
