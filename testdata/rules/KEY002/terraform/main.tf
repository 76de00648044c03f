# KEY002 - the secret of an aws_iam_access_key flowing, through locals, functions, templates and
# a module, into outputs, plain SSM parameters, Lambda environments and user data.

resource "aws_iam_user" "ci" {
  name = "ci"
}

resource "aws_iam_access_key" "ci" {
  user = aws_iam_user.ci.name
}

locals {
  credentials = "AKID=${aws_iam_access_key.ci.id}\nSECRET=${aws_iam_access_key.ci.secret}"
}

resource "aws_ssm_parameter" "plain" {
  name  = "/ci/credentials"
  type  = "String"
  value = local.credentials # Noncompliant {{The secret of access key aws_iam_access_key.ci (secret) flows into the plain (not SecureString) SSM parameter aws_ssm_parameter.plain}}
}

resource "aws_instance" "runner" {
  ami       = "ami-12345678"
  user_data = base64encode(local.credentials) # Noncompliant {{flows into the user data of aws_instance.runner}}
}

module "mailer" {
  source        = "./modules/mailer"
  smtp_password = aws_iam_access_key.ci.ses_smtp_password_v4
}

# Compliant: encrypted parameter, sensitive output, the key id.
resource "aws_ssm_parameter" "secure" {
  name  = "/ci/secret"
  type  = "SecureString"
  value = aws_iam_access_key.ci.secret
}
