output "value" {
  value = ""
}
