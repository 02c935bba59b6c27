# Placeholder values: replace them with your own before `terraform apply`.
namespace_id = "ns-abcdefgh12345678"
cluster_arn  = "arn:aws:ecs:us-east-1:123456789012:cluster/demo"
