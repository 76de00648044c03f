locals {
  admin_arn = "arn:aws-cn:iam::aws:policy/AdministratorAccess"
  arns      = ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AdministratorAccess"]
}
