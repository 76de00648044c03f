variable "min_len" {
  type = number
}
variable "policy_arn" {}
variable "principal" {}
resource "aws_iam_account_password_policy" "p" {
  minimum_password_length      = var.min_len
  password_reuse_prevention    = 24
  max_password_age             = 90
  require_uppercase_characters = true
  require_lowercase_characters = true
  require_numbers              = true
  require_symbols              = true
}
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = var.policy_arn
}
resource "aws_iam_role" "r" {
  name = "r"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { AWS = var.principal } }]
  })
}

variable "logging" {
  type = bool
}
resource "aws_cloudtrail" "t" {
  name                       = "t"
  s3_bucket_name             = "b"
  enable_logging             = var.logging
  is_multi_region_trail      = true
  enable_log_file_validation = true
  kms_key_id                 = "k"
}

variable "versions_arn" {
  type = string
}
resource "aws_iam_role_policy" "versions" {
  role = aws_iam_role.r.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:CreatePolicyVersion", Resource = var.versions_arn }]
  })
}

variable "create_inline" {
  type = bool
}

resource "aws_iam_user_policy" "maybe" {
  count  = var.create_inline ? 1 : 0
  name   = "maybe"
  user   = "ci"
  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })
}

variable "imds" {
  type = string
}

resource "aws_instance" "maybe_offline" {
  ami           = "ami-12345678"
  instance_type = "t3.micro"
  metadata_options {
    http_endpoint = var.imds
  }
}
