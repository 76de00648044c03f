# ADM005 - an AWS managed policy under /service-role/ on a role that only its service can assume
# is its intended use (rules.md, "Service-role policies"): AWS Batch passes the instance role to
# EC2 for its compute environments, and no one else acts as that role (compliant). The same
# policy on a role that a CI service assumes counts as any other policy: with the role's own
# policy it hands that service the launch path (reported; alone, it is ADM002's at the attachment).

resource "aws_iam_role" "batch_service" {
  name = "batch-service"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "batch.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "batch_service" {
  role       = aws_iam_role.batch_service.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole"
}

resource "aws_iam_role" "ci" {
  name = "ci"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "codebuild.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "ci" {
  role       = aws_iam_role.ci.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBatchServiceRole" # Noncompliant {{Role "ci" (aws_iam_role.ci) can escalate}}
}

resource "aws_iam_role_policy" "ci_launch" {
  role = aws_iam_role.ci.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "ec2:RunInstances", Resource = "*" }]
  })
}

# A service named by initials: the Fault Injection Service (fis.amazonaws.com) and its policy
# AWSFaultInjectionSimulatorEC2Access (Fault Injection Simulator): its intended use (compliant).
resource "aws_iam_role" "experiments" {
  name = "experiments"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { Service = "fis.amazonaws.com" }, Action = "sts:AssumeRole" }]
  })
}

resource "aws_iam_role_policy_attachment" "experiments" {
  role       = aws_iam_role.experiments.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSFaultInjectionSimulatorEC2Access"
}
