locals {
  # The AWS China partition, interpolated into an ARN in main.tf.
  china_partition = "aws-cn"

  # One instance per key: only ["admin"] gets AdministratorAccess.
  platform_policies = {
    reader = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    admin  = "arn:aws:iam::aws:policy/AdministratorAccess"
  }

  # count over a list of names: instance [1] is AdministratorAccess.
  support_policy_names = ["AWSSupportAccess", "AdministratorAccess"]

  lookalikes = [
    "arn:aws:iam::aws:policy/AdministratorAccess-Amplify",
    "arn:aws:iam::123456789012:policy/AdministratorAccess",
    "arn:aws:iam::aws:policy/AdministratorAccessReadOnly",
  ]
}
