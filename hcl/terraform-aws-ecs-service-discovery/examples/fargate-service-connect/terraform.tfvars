# Placeholder values: replace them with your own before `terraform apply`.
vpc_id             = "vpc-0123456789abcdef0"
private_subnet_ids = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"]
cluster_arn        = "arn:aws:ecs:us-east-1:123456789012:cluster/demo"
