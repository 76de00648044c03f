output "admin" {
  value = "arn:aws:iam::aws:policy/AdministratorAccess"
}
