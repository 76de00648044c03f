# EC2003 - an instance with a role whose user data assumes a narrower role and exports the
# session's three variables: temporary credentials, not static keys (compliant). The same
# exports without a session token are static keys (reported).

resource "aws_instance" "reporter" {
  ami                  = "ami-0abcdef1234567890"
  instance_type        = "t3.micro"
  iam_instance_profile = "reporter"
  user_data            = <<-EOT
    #!/bin/bash
    SESSION=$(aws sts assume-role --role-arn arn:aws:iam::123456789012:role/report-reader --role-session-name nightly)
    export AWS_ACCESS_KEY_ID=$(echo "$SESSION" | jq -r .Credentials.AccessKeyId)
    export AWS_SECRET_ACCESS_KEY=$(echo "$SESSION" | jq -r .Credentials.SecretAccessKey)
    export AWS_SESSION_TOKEN=$(echo "$SESSION" | jq -r .Credentials.SessionToken)
    /opt/report/run
  EOT
}

resource "aws_instance" "legacy" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.micro"
  # Noncompliant@+1 {{gives the workload static AWS credentials (aws_access_key_id)}}
  user_data     = <<-EOT
    #!/bin/bash
    export AWS_ACCESS_KEY_ID=$(cat /opt/keys/id)
    export AWS_SECRET_ACCESS_KEY=$(cat /opt/keys/secret)
  EOT
}
