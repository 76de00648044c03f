pass_resource = "arn:aws:iam::123456789012:role/*"
