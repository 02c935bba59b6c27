/**
 * Inputs for the exported module's Terraform tests: valid input sets (planned with both module
 * flavours) and bad inputs, one broken rule each, with the message the TypeScript constructs give
 * for the same input under module naming. Terraform must fail with exactly that text.
 */
import { ModuleInputs } from "./module-translation";

export { typescriptMessage } from "./module-translation";
export type { ModuleInputs } from "./module-translation";

const COMMON = {
  cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
  task_definition_arn: "arn:aws:ecs:us-east-1:123456789012:task-definition/app:1",
};
const VPC = "vpc-0123456789abcdef0";
const SUBNETS = ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"];
const NAMESPACE_ID = "ns-abcdefgh12345678";
const PCA_ARN = "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555";
const ROLE_ARN = "arn:aws:iam::123456789012:role/ecsInfrastructureRole";

/** `service_connect` with one endpoint and changes to it. */
const withEndpoint = (changes: Record<string, unknown>): ModuleInputs => ({
  ...AWSVPC_BASE,
  service_connect: { services: [{ port_name: "http", discovery_name: "api-sc", client_aliases: [{ port: 80 }], ...changes }] },
});

/** Fargate, awsvpc, new namespace: valid as it is. */
export const AWSVPC_BASE: ModuleInputs = {
  ...COMMON,
  namespace_name: "service",
  vpc_id: VPC,
  service_name: "api",
  network_mode: "awsvpc",
  subnet_ids: SUBNETS,
};

/** EC2, bridge, SRV on container web:80, new namespace: valid as it is. */
export const BRIDGE_BASE: ModuleInputs = {
  ...COMMON,
  namespace_name: "service",
  vpc_id: VPC,
  service_name: "orders",
  network_mode: "bridge",
  launch_type: "EC2",
  container_name: "web",
  container_port: 80,
};

const without = (inputs: ModuleInputs, ...keys: string[]): ModuleInputs =>
  Object.fromEntries(Object.entries(inputs).filter(([k]) => !keys.includes(k)));

/** Valid input sets; each is planned through the HCL and the JSON flavour of the module. */
export const VALID_CASES: Record<string, ModuleInputs> = {
  fargate_a_records: { ...AWSVPC_BASE, desired_count: 2, dns_ttl: 600, tags: { team: "payments" }, security_group_ids: ["sg-0123456789abcdef0"] },
  bridge_srv_existing_namespace: {
    ...without(BRIDGE_BASE, "vpc_id"),
    create_namespace: false,
    namespace_id: NAMESPACE_ID,
    namespace_name: "internal.example.com",
    discovery_name: "orders-v2",
    routing_policy: "WEIGHTED",
  },
  host_srv: { ...BRIDGE_BASE, network_mode: "host", service_name: "inventory", container_port: 8080 },
  awsvpc_srv_port_with_target_group: {
    ...AWSVPC_BASE,
    dns_record_type: "SRV",
    srv_port: 8080,
    assign_public_ip: true,
    load_balancers: [{ target_group_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef", container_name: "web", container_port: 8080 }],
  },
  awsvpc_a_aaaa: { ...AWSVPC_BASE, dns_record_type: "A_AAAA", dns_ttl: 0, desired_count: 0 },
  service_connect_beside_dns: {
    ...AWSVPC_BASE,
    service_connect: {
      services: [{ port_name: "http", discovery_name: "api-sc", client_aliases: [{ port: 80, dns_name: "api.service" }], per_request_timeout_seconds: 30 }],
      log_configuration: { log_driver: "awslogs", options: { "awslogs-group": "/ecs/api", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "service-connect" } },
    },
  },
  service_connect_client_only_http_namespace: {
    ...AWSVPC_BASE,
    service_name: "web",
    service_connect: { namespace: "arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-httpnamespace01" },
  },
  service_connect_tls_two_endpoints_existing_namespace: {
    ...without(BRIDGE_BASE, "vpc_id"),
    create_namespace: false,
    namespace_id: NAMESPACE_ID,
    namespace_name: "internal.example.com",
    service_connect: {
      services: [
        {
          port_name: "grpc",
          client_aliases: [{ port: 50051 }],
          idle_timeout_seconds: 0,
          ingress_port_override: 15051,
          tls: { aws_pca_authority_arn: PCA_ARN, role_arn: ROLE_ARN, kms_key: "alias/service-connect" },
        },
        { port_name: "http", discovery_name: "orders-http", client_aliases: [{ port: 80, dns_name: "orders.internal" }] },
      ],
    },
  },
  service_connect_disabled: { ...AWSVPC_BASE, service_connect: { enabled: false, services: [{ port_name: "http", discovery_name: "api-sc", client_aliases: [{ port: 80 }] }] } },
};

export interface BadCase {
  readonly name: string;
  readonly inputs: ModuleInputs;
  /** The rule that must fail, and only it. */
  readonly ruleId: string;
  /** Variable validations stop the plan before resources are checked: they get a root of their own. */
  readonly phase: "validation" | "precondition";
}

export const BAD_CASES: readonly BadCase[] = [
  // validations (one variable)
  { name: "network_mode_none", inputs: { ...AWSVPC_BASE, network_mode: "none" }, ruleId: "SD010", phase: "validation" },
  { name: "network_mode_unknown", inputs: { ...AWSVPC_BASE, network_mode: "nat" }, ruleId: "SD010", phase: "validation" },
  { name: "ttl_fraction", inputs: { ...AWSVPC_BASE, dns_ttl: 1.5 }, ruleId: "SD008", phase: "validation" },
  { name: "ttl_negative", inputs: { ...AWSVPC_BASE, dns_ttl: -1 }, ruleId: "SD008", phase: "validation" },
  { name: "ttl_too_large", inputs: { ...AWSVPC_BASE, dns_ttl: 2147483648 }, ruleId: "SD008", phase: "validation" },
  { name: "routing_policy", inputs: { ...AWSVPC_BASE, routing_policy: "ROUND_ROBIN" }, ruleId: "SD007", phase: "validation" },
  { name: "desired_count_above_1000", inputs: { ...AWSVPC_BASE, desired_count: 1001 }, ruleId: "SD026", phase: "validation" },
  { name: "namespace_name_invalid", inputs: { ...AWSVPC_BASE, namespace_name: "my namespace" }, ruleId: "SD001", phase: "validation" },
  { name: "launch_type_unknown", inputs: { ...AWSVPC_BASE, launch_type: "EXTERNAL" }, ruleId: "SD011", phase: "validation" },
  { name: "container_port_out_of_range", inputs: { ...BRIDGE_BASE, container_port: 70000 }, ruleId: "SD021", phase: "validation" },
  { name: "srv_port_zero", inputs: { ...AWSVPC_BASE, dns_record_type: "SRV", srv_port: 0 }, ruleId: "SD022", phase: "validation" },
  // preconditions (several inputs)
  { name: "bridge_with_a_records", inputs: { ...without(BRIDGE_BASE, "container_name", "container_port"), dns_record_type: "A" }, ruleId: "SD013", phase: "precondition" },
  { name: "bridge_without_container", inputs: without(BRIDGE_BASE, "container_name", "container_port"), ruleId: "SD017", phase: "precondition" },
  { name: "host_without_container_port", inputs: { ...without(BRIDGE_BASE, "container_port"), network_mode: "host" }, ruleId: "SD017", phase: "precondition" },
  {
    name: "awsvpc_srv_port_and_container",
    inputs: { ...AWSVPC_BASE, dns_record_type: "SRV", srv_port: 8080, container_name: "web", container_port: 8080 },
    ruleId: "SD015",
    phase: "precondition",
  },
  { name: "fargate_bridge", inputs: { ...BRIDGE_BASE, launch_type: "FARGATE" }, ruleId: "SD012", phase: "precondition" },
  { name: "awsvpc_without_subnets", inputs: without(AWSVPC_BASE, "subnet_ids"), ruleId: "SD023", phase: "precondition" },
  { name: "discovery_name_not_a_label", inputs: { ...AWSVPC_BASE, discovery_name: "api.v2" }, ruleId: "SD004", phase: "precondition" },
  { name: "service_name_not_a_label", inputs: { ...AWSVPC_BASE, service_name: "api_-" + "x".repeat(63) }, ruleId: "SD004", phase: "precondition" },
  { name: "missing_vpc_id", inputs: without(AWSVPC_BASE, "vpc_id"), ruleId: "SD002", phase: "precondition" },
  { name: "missing_namespace_id", inputs: { ...without(AWSVPC_BASE, "vpc_id"), create_namespace: false }, ruleId: "SD003", phase: "precondition" },
  {
    name: "namespace_id_malformed",
    inputs: { ...without(AWSVPC_BASE, "vpc_id"), create_namespace: false, namespace_id: "service" },
    ruleId: "SD003",
    phase: "precondition",
  },
  { name: "cname_records", inputs: { ...AWSVPC_BASE, dns_record_type: "CNAME" }, ruleId: "SD006", phase: "precondition" },
  { name: "srv_port_with_bridge", inputs: { ...BRIDGE_BASE, srv_port: 8080 }, ruleId: "SD014", phase: "precondition" },
  { name: "a_records_with_container", inputs: { ...AWSVPC_BASE, container_name: "web", container_port: 80 }, ruleId: "SD016", phase: "precondition" },
  { name: "bridge_with_subnets", inputs: { ...BRIDGE_BASE, subnet_ids: SUBNETS }, ruleId: "SD024", phase: "precondition" },
  // issue 9: the message named var.subnet_ids when only security groups were given
  { name: "host_with_security_groups", inputs: { ...BRIDGE_BASE, network_mode: "host", security_group_ids: ["sg-0123456789abcdef0"] }, ruleId: "SD024", phase: "precondition" },
  { name: "public_ip_on_ec2", inputs: { ...AWSVPC_BASE, launch_type: "EC2", assign_public_ip: true }, ruleId: "SD025", phase: "precondition" },
  // Service Connect: rules on the variable alone are its validations...
  { name: "sc_log_driver", inputs: { ...AWSVPC_BASE, service_connect: { log_configuration: { log_driver: "cloudwatch" } } }, ruleId: "SD038", phase: "validation" },
  { name: "sc_discovery_name_uppercase", inputs: withEndpoint({ discovery_name: "Api" }), ruleId: "SD048", phase: "validation" },
  { name: "sc_no_client_alias", inputs: withEndpoint({ client_aliases: [] }), ruleId: "SD050", phase: "validation" },
  { name: "sc_two_client_aliases", inputs: withEndpoint({ client_aliases: [{ port: 80 }, { port: 8080 }] }), ruleId: "SD050", phase: "validation" },
  { name: "sc_alias_port_zero", inputs: withEndpoint({ client_aliases: [{ port: 0 }] }), ruleId: "SD051", phase: "validation" },
  { name: "sc_alias_dns_name_uppercase", inputs: withEndpoint({ client_aliases: [{ port: 80, dns_name: "API" }] }), ruleId: "SD052", phase: "validation" },
  {
    name: "sc_duplicate_alias_in_second_entry",
    inputs: {
      ...AWSVPC_BASE,
      service_connect: {
        services: [
          { port_name: "http", discovery_name: "api-a", client_aliases: [{ port: 80, dns_name: "api" }] },
          { port_name: "admin", discovery_name: "api-b", client_aliases: [{ port: 80, dns_name: "api" }] },
        ],
      },
    },
    ruleId: "SD053",
    phase: "validation",
  },
  { name: "sc_ingress_port_override_low", inputs: withEndpoint({ ingress_port_override: 80 }), ruleId: "SD054", phase: "validation" },
  { name: "sc_idle_timeout_negative", inputs: withEndpoint({ idle_timeout_seconds: -1 }), ruleId: "SD055", phase: "validation" },
  { name: "sc_per_request_timeout_fraction", inputs: withEndpoint({ per_request_timeout_seconds: 1.5 }), ruleId: "SD056", phase: "validation" },
  { name: "sc_tls_not_a_private_ca", inputs: withEndpoint({ tls: { aws_pca_authority_arn: "my-ca", role_arn: ROLE_ARN } }), ruleId: "SD058", phase: "validation" },
  { name: "sc_tls_without_role", inputs: withEndpoint({ tls: { aws_pca_authority_arn: PCA_ARN } }), ruleId: "SD059", phase: "validation" },
  // ...rules that relate it to other inputs are preconditions.
  { name: "sc_host_mode", inputs: { ...BRIDGE_BASE, network_mode: "host", service_connect: {} }, ruleId: "SD036", phase: "precondition" },
  { name: "sc_discovery_name_is_dns_name", inputs: withEndpoint({ discovery_name: "api" }), ruleId: "SD049", phase: "precondition" },
  {
    name: "sc_discovery_name_twice",
    inputs: {
      ...AWSVPC_BASE,
      service_connect: {
        services: [
          { port_name: "http", client_aliases: [{ port: 80 }] },
          { port_name: "http", client_aliases: [{ port: 8080 }] },
        ],
      },
    },
    ruleId: "SD049",
    phase: "precondition",
  },
];
