# SYN001 - fully compliant: exports.yaml is read through templatefile(). Its %{ } directives
# are Terraform template markup, not YAML until the template is rendered: it is not judged as
# a CloudFormation template (an info note with --report-unknown), never a syntax error.

resource "aws_cloudformation_stack" "exports" {
  name          = "exports"
  template_body = templatefile("${path.module}/exports.yaml", { values = { vpc = "vpc-0abc" } })
}
