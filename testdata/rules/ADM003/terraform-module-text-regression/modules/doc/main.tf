output "policy" {
  value = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["*"],
      "Resource": "*"
    }
  ]
}
EOF
}
# Noncompliant@-7 {{Policy "from-output"}}
