# Launch templates that a service starts instances from get their role from that service.
resource "aws_launch_template" "nodes" {
  name_prefix   = "nodes-"
  instance_type = "m6i.large"
}

resource "aws_eks_node_group" "workers" {
  cluster_name    = "prod"
  node_group_name = "workers"
  node_role_arn   = "arn:aws:iam::111122223333:role/eks-nodes"
  subnet_ids      = ["subnet-0abc"]

  scaling_config {
    desired_size = 2
    max_size     = 3
    min_size     = 1
  }

  launch_template {
    id      = aws_launch_template.nodes.id
    version = aws_launch_template.nodes.latest_version
  }
}

resource "aws_launch_template" "batch" {
  name          = "batch"
  instance_type = "c6i.large"
}

resource "aws_batch_compute_environment" "jobs" {
  compute_environment_name = "jobs"
  type                     = "MANAGED"

  compute_resources {
    type          = "EC2"
    instance_role = "arn:aws:iam::111122223333:instance-profile/ecsInstanceRole"
    instance_type = ["c6i.large"]
    max_vcpus     = 16
    subnets       = ["subnet-0abc"]

    launch_template {
      launch_template_name = aws_launch_template.batch.name
    }
  }
}

# Near miss: a template no service uses still needs a profile of its own.
resource "aws_launch_template" "bastion" { # Noncompliant {{launch template aws_launch_template.bastion has no instance profile}}
  name_prefix   = "bastion-"
  instance_type = "t3.micro"
}
