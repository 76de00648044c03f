variable "regions" {
  type = map(object({ setting = string }))
  default = {
    eu = { setting = "arn:aws:kms:eu-west-1:111122223333:alias/cloudtrail" }
    us = { setting = "" }
  }
}
