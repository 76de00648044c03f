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
