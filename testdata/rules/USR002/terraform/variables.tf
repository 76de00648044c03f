# No value: the policy is unknown, but a policy attached to a user is certain.
variable "extra_policy_arn" {
  type = string
}

# Overridden in terraform.tfvars: no user gets the billing policy.
variable "billing_users" {
  type    = list(string)
  default = ["finance"]
}
