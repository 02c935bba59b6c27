/**
 * cdktf-ecs-service-discovery: Amazon ECS service discovery (Cloud Map private DNS namespaces,
 * MULTIVALUE discovery services, ECS services registered to them) for CDK for Terraform.
 */
export * from "./namespace/namespace";
export * from "./namespace/private-dns-namespace";
export * from "./discovery/discovery-service";
export * from "./ecs/task-definition-spec";
export * from "./ecs/task-definition";
export * from "./ecs/discoverable-ecs-service";
export type { AccessPeer, PortRange } from "./ecs/service-access";
export { DYNAMIC_HOST_PORTS } from "./ecs/service-access";
export { ServiceDiscoveryRuleError, RuleViolation } from "./rules/enforce";
export { ALL_RULES } from "./rules/catalogue";
export * from "./core/aws-limits";
