# KEY006 - access keys in user data given base64-encoded: user_data_base64, base64encode(...) and
# a module argument; the decoded script is what the instance runs.

resource "aws_instance" "encoded" {
  ami              = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKZXhwb3J0IEFXU19BQ0NFU1NfS0VZX0lEPUFLSUFaUTRUTjNYSzdQTFdWMlFICmV4cG9ydCBBV1NfU0VDUkVUX0FDQ0VTU19LRVk9d0phbHJYVXRuRkVNSS9LN01ERU5HL2JQeFJmaUNZelEzeFQ5dkxrMgphd3MgczMgc3luYyBzMzovL3JlcG9ydHMgL3Nydi9yZXBvcnRzCg==" # Noncompliant {{AWS access key id AKIA**************** and its secret access key wJal************************************ are written in the user data of aws_instance.encoded (base64-decoded)}}
}

resource "aws_launch_template" "encoded" {
  name = "encoded"
  user_data = base64encode(<<-EOF
    #!/bin/bash
    aws configure set aws_access_key_id AKIAWM5RJ8DHBT3KQ7LN
    EOF
  ) # Noncompliant@-4 {{AKIA**************** is written in the user data of aws_launch_template.encoded (base64-decoded)}}
}

module "workers" {
  source    = "terraform-aws-modules/autoscaling/aws"
  user_data = base64encode("export AWS_ACCESS_KEY_ID=ASIAZQ4TN3XK7PLWV2QH") # Noncompliant {{module workers (user_data, base64-decoded)}}
}

# Compliant: the decoded script uses the instance profile.
resource "aws_instance" "clean" {
  ami              = "ami-12345678"
  instance_type    = "t3.micro"
  user_data_base64 = "IyEvYmluL2Jhc2gKIyBUaGUgaW5zdGFuY2UgcHJvZmlsZSBnaXZlcyB0aGUgY3JlZGVudGlhbHMuCmF3cyBzMyBzeW5jIHMzOi8vcmVwb3J0cyAvc3J2L3JlcG9ydHMK"
}
