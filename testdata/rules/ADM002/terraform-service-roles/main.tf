# ADM002 - the EMR service role on a role only EMR can assume (compliant), and on a role whose
# trust comes from a variable without value (not decided); agent policies (compliant).

resource "aws_iam_role" "emr" {
  name = "emr-service"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "elasticmapreduce.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "emr" {
  role       = aws_iam_role.emr.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole"
}

variable "trusted_service" {
  type = string
}

resource "aws_iam_role" "unknown_trust" {
  name = "unknown-trust"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = var.trusted_service }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "unknown_trust" {
  role       = aws_iam_role.unknown_trust.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole"
}

# A role EMR and EC2 can both assume.
resource "aws_iam_role" "shared" {
  name = "shared"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = ["elasticmapreduce.amazonaws.com", "ec2.amazonaws.com"] }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "shared" {
  role       = aws_iam_role.shared.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonElasticMapReduceRole" # Noncompliant {{AmazonElasticMapReduceRole}}
}

resource "aws_iam_role_policy_attachment" "agent" {
  role       = aws_iam_role.shared.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

# Compliant: a regional service principal is the same service (CodeDeploy in one region).
resource "aws_iam_role" "deployer_regional" {
  name = "deployer-regional"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codedeploy.eu-west-1.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "deployer_regional" {
  role       = aws_iam_role.deployer_regional.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSCodeDeployRole"
}
