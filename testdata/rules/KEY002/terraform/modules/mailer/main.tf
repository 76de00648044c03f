variable "smtp_password" {
  type = string
}

resource "aws_lambda_function" "mailer" {
  function_name = "mailer"
  role          = "arn:aws:iam::123456789012:role/mailer"
  handler       = "index.handler"
  runtime       = "python3.12"
  filename      = "mailer.zip"
  environment {
    variables = {
      SMTP_PASSWORD = var.smtp_password # Noncompliant {{flows into the environment of module.mailer.aws_lambda_function.mailer}}
    }
  }
}

output "settings" {
  value = jsonencode({ host = "email-smtp.eu-west-1.amazonaws.com", password = var.smtp_password })
}
