locals {
  password = {
    min_length = 11
  }
}
