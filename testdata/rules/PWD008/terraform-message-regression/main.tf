# PWD008 regression - message. For a Terraform resource that does not set password_reset_required, the message names the
# CloudFormation property instead ("does not set PasswordResetRequired (default false)"). A Terraform user looks for
# password_reset_required: the message should name it (the CloudFormation fixtures keep the
# CloudFormation name).

resource "aws_iam_user_login_profile" "ops" { # Noncompliant {{password_reset_required}}
  user    = "ops"
  pgp_key = "keybase:ops"
}
