/**
 * The outputs of the exported Terraform module. Names are a public contract (issue #3); the
 * descriptions feed `outputs.tf` and the outputs table of the module's README.
 */
export interface ModuleOutputSpec {
  readonly name: string;
  readonly description: string;
}

export const MODULE_OUTPUT_SPECS: readonly ModuleOutputSpec[] = [
  { name: "namespace_id", description: "Id (\"ns-...\") of the namespace the service is registered in: the one created here, or namespace_id." },
  { name: "namespace_arn", description: "ARN of the namespace created here; null when an existing namespace is reused." },
  {
    name: "namespace_hosted_zone_id",
    description: "Id of the Route 53 private hosted zone Cloud Map manages for the namespace created here; null when an existing namespace is reused.",
  },
  { name: "discovery_service_arn", description: "ARN of the Cloud Map service (the ECS service's registry)." },
  { name: "discovery_service_id", description: "Id (\"srv-...\") of the Cloud Map service." },
  { name: "ecs_service_id", description: "Id (the ARN) of the ECS service." },
  { name: "ecs_service_name", description: "Name of the ECS service." },
  { name: "dns_name", description: "Name clients resolve: \"<discovery_name>.<namespace_name>\"." },
];
