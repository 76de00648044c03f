variable "escalation_actions" {
  type    = list(string)
  default = ["iam:CreatePolicyVersion"]
}

variable "orphan_actions" {
  type    = list(string)
  default = ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"]
}
