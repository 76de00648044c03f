variable "escalation_actions" {
  type    = list(string)
  default = ["iam:CreatePolicyVersion"]
}
