output "value" {
  value = false
}
