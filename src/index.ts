/**
 * cdktf-ecs-service-discovery: Amazon ECS service discovery for CDK for Terraform — Cloud Map
 * private DNS and HTTP namespaces, MULTIVALUE discovery services, ECS services registered to them
 * and ECS Service Connect, with every AWS rule checked at synth.
 *
 * The public API: constructs, their props and attribute types, and the rule catalogue. Anything
 * not exported here is internal and may change in any release.
 */

// Namespaces
export { PrivateDnsNamespace } from "./namespace/private-dns-namespace";
export type { PrivateDnsNamespaceProps, NamespaceAttributes } from "./namespace/private-dns-namespace";
export { HttpNamespace } from "./namespace/http-namespace";
export type { HttpNamespaceProps } from "./namespace/http-namespace";
export { Namespace } from "./namespace/namespace-by-arn";
export type { INamespace } from "./namespace/namespace";

// Cloud Map services
export { DiscoveryService } from "./discovery/discovery-service";
export type { DiscoveryServiceProps } from "./discovery/discovery-service";

// ECS services and task definitions
export { DiscoverableEcsService } from "./ecs/discoverable-ecs-service";
export type {
  DiscoverableEcsServiceProps,
  DiscoveryOptions,
  LoadBalancerTarget,
  NetworkOptions,
} from "./ecs/discoverable-ecs-service";
export type {
  ServiceConnectClientAlias,
  ServiceConnectEndpoint,
  ServiceConnectLogConfiguration,
  ServiceConnectOptions,
  ServiceConnectService,
  ServiceConnectTls,
} from "./ecs/service-connect-options";
export { TaskDefinition } from "./ecs/task-definition";
export type { TaskDefinitionProps } from "./ecs/task-definition";
export type {
  ContainerSpec,
  ExistingTaskDefinition,
  HealthCheckSpec,
  LaunchType,
  NetworkMode,
  PortMappingSpec,
  TaskDefinitionSpec,
} from "./ecs/task-definition-spec";
export { DYNAMIC_HOST_PORTS } from "./ecs/service-access";
export type { AccessPeer, PortRange } from "./ecs/service-access";

// AWS values the props accept
export {
  APP_PROTOCOLS,
  DEFAULT_TTL,
  DNS_RECORD_TYPES,
  LAUNCH_TYPES,
  MAX_INSTANCES_PER_SERVICE,
  NAMESPACE_TYPES,
  NETWORK_MODES,
  ROUTING_POLICIES,
} from "./core/aws-limits";
export type { AppProtocol, DnsRecordType, NamespaceType, RoutingPolicy } from "./core/aws-limits";

// Rules
export { ALL_RULES } from "./rules/catalogue";
export type { Rule, RuleMessage, Severity } from "./rules/rule";
export { ServiceDiscoveryRuleError } from "./rules/violations";
export type { RuleViolation } from "./rules/violations";
