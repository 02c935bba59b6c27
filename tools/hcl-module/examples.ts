/**
 * Runnable examples of the exported module (`examples/<name>/`): root modules an HCL user copies.
 *
 * Each one configures the provider, takes what only the user knows (VPC, subnets, cluster, an
 * existing namespace or target group) as variables, registers a task definition written with the
 * library's container-definition renderer, and calls the module with `source = "../.."`.
 * `terraform.tfvars` holds placeholder values, so `terraform plan` runs as soon as it is copied.
 */
import { IMAGES, httpHealthCheck } from "../../example-app/images";
import { renderContainerDefinitions } from "../../src/ecs/container-definitions";
import { ContainerSpec, NetworkMode } from "../../src/ecs/task-definition-spec";
import { BodySchema, Json, JsonObject, TopLevelBlock, renderAttributes, renderHcl } from "./hcl-render";
import { MODULE_AWS_PROVIDER_VERSION, MODULE_REQUIRED_VERSION } from "./module-stack";
import { MODULE_CALL_SCHEMA, OUTPUT_SCHEMA, TERRAFORM_SCHEMA, VARIABLE_SCHEMA } from "./terraform-json";

export interface ModuleExample {
  /** Folder name under `examples/`. */
  readonly name: string;
  readonly title: string;
  /** One paragraph for the module README. */
  readonly summary: string;
  /** Placeholder values of the example's variables (`terraform.tfvars`). */
  readonly tfvars: JsonObject;
  /** The module call's arguments (JSON syntax: strings are templates). */
  readonly moduleInputs: JsonObject;
  readonly variables: readonly ExampleVariable[];
  readonly taskDefinition: ExampleTaskDefinition;
}

interface ExampleVariable {
  readonly name: string;
  readonly type: string;
  readonly description: string;
  readonly default?: Json;
}

interface ExampleTaskDefinition {
  readonly family: string;
  readonly networkMode: NetworkMode;
  readonly launchType: "FARGATE" | "EC2";
  readonly cpu?: number;
  readonly memory?: number;
  readonly containers: ContainerSpec[];
}

/** The name of the task definition resource and module call in every example. */
const TASK = "aws_ecs_task_definition.this";
const MODULE_NAME = "service_discovery";

const PLACEHOLDERS = {
  vpc_id: "vpc-0123456789abcdef0",
  private_subnet_ids: ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
  cluster_arn: "arn:aws:ecs:us-east-1:123456789012:cluster/demo",
  namespace_id: "ns-abcdefgh12345678",
  target_group_arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/service-a/0123456789abcdef",
} as const;

const REGION: ExampleVariable = { name: "region", type: "string", description: "AWS region to deploy into.", default: "us-east-1" };
const CLUSTER: ExampleVariable = { name: "cluster_arn", type: "string", description: "ARN of an existing ECS cluster (with EC2 capacity for EC2 tasks)." };
const VPC: ExampleVariable = {
  name: "vpc_id",
  type: "string",
  description: "VPC of the tasks and the namespace; it needs enable_dns_support and enable_dns_hostnames.",
};
const SUBNETS: ExampleVariable = { name: "private_subnet_ids", type: "list(string)", description: "Private subnets of that VPC for the tasks." };
const SECURITY_GROUPS: ExampleVariable = {
  name: "security_group_ids",
  type: "list(string)",
  description: "Security groups of the tasks (empty: the VPC's default group).",
  default: [],
};

/** The seed's service-a: one nginx container on Fargate (two examples run it). */
const SERVICE_A_TASK: ModuleExample["taskDefinition"] = {
  family: "service-a",
  networkMode: "awsvpc",
  launchType: "FARGATE",
  cpu: 256,
  memory: 512,
  containers: [{ name: "web", image: IMAGES.nginx, portMappings: [{ containerPort: 80 }], healthCheck: httpHealthCheck(80) }],
};

/** Module inputs that run service-a in a new namespace (shared by the Fargate and ALB examples). */
const SERVICE_A_INPUTS = {
  namespace_name: "service",
  vpc_id: "${var.vpc_id}",
  service_name: "service-a",
  cluster_arn: "${var.cluster_arn}",
  task_definition_arn: `\${${TASK}.arn}`,
  network_mode: `\${${TASK}.network_mode}`,
  desired_count: 2,
  subnet_ids: "${var.private_subnet_ids}",
  security_group_ids: "${var.security_group_ids}",
};

export const MODULE_EXAMPLES: readonly ModuleExample[] = [
  {
    name: "fargate-new-namespace",
    title: "Fargate tasks (awsvpc) in a new namespace",
    summary:
      "Creates the private DNS namespace `service` and runs `service-a` as two Fargate tasks; each task's IP is an A record of `service-a.service` (MULTIVALUE, TTL 60).",
    variables: [REGION, VPC, SUBNETS, SECURITY_GROUPS, CLUSTER],
    tfvars: { vpc_id: PLACEHOLDERS.vpc_id, private_subnet_ids: [...PLACEHOLDERS.private_subnet_ids], cluster_arn: PLACEHOLDERS.cluster_arn },
    taskDefinition: SERVICE_A_TASK,
    moduleInputs: {
      ...SERVICE_A_INPUTS,
    },
  },
  {
    name: "ec2-bridge-existing-namespace",
    title: "EC2 tasks (bridge, dynamic host ports) as SRV records in an existing namespace",
    summary:
      "Reuses an existing namespace by id and runs `orders` on EC2 in bridge mode with dynamic host ports; each task is an SRV record (host address + the host port ECS picked) of `orders.internal.example.com`. No namespace is created.",
    variables: [
      REGION,
      { name: "namespace_id", type: "string", description: "Id (\"ns-...\") of the existing private DNS namespace." },
      { name: "namespace_name", type: "string", description: "DNS name of that namespace.", default: "internal.example.com" },
      CLUSTER,
    ],
    tfvars: { namespace_id: PLACEHOLDERS.namespace_id, cluster_arn: PLACEHOLDERS.cluster_arn },
    taskDefinition: {
      family: "orders",
      networkMode: "bridge",
      launchType: "EC2",
      containers: [
        { name: "orders", image: IMAGES.nginx, memory: 256, portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: httpHealthCheck(80) },
      ],
    },
    moduleInputs: {
      create_namespace: false,
      namespace_id: "${var.namespace_id}",
      namespace_name: "${var.namespace_name}",
      service_name: "orders",
      cluster_arn: "${var.cluster_arn}",
      task_definition_arn: `\${${TASK}.arn}`,
      network_mode: `\${${TASK}.network_mode}`,
      launch_type: "EC2",
      desired_count: 2,
      container_name: "orders",
      container_port: 80,
    },
  },
  {
    name: "awsvpc-alb-target-group",
    title: "awsvpc tasks behind an ALB target group and in Cloud Map (migration path)",
    summary:
      "Registers `service-a` both with an existing ALB target group and in Cloud Map, so clients can move from the load balancer's DNS name to `service-a.service` one by one; drop `load_balancers` once they have.",
    variables: [
      REGION,
      VPC,
      SUBNETS,
      SECURITY_GROUPS,
      CLUSTER,
      { name: "target_group_arn", type: "string", description: "ARN of the ALB target group (target type ip) that serves the service today." },
    ],
    tfvars: {
      vpc_id: PLACEHOLDERS.vpc_id,
      private_subnet_ids: [...PLACEHOLDERS.private_subnet_ids],
      cluster_arn: PLACEHOLDERS.cluster_arn,
      target_group_arn: PLACEHOLDERS.target_group_arn,
    },
    taskDefinition: SERVICE_A_TASK,
    moduleInputs: {
      ...SERVICE_A_INPUTS,
      load_balancers: [{ target_group_arn: "${var.target_group_arn}", container_name: "web", container_port: 80 }],
    },
  },
  {
    name: "fargate-service-connect",
    title: "Fargate tasks published by DNS and by ECS Service Connect (migration path)",
    summary:
      "Runs `service-a` with A records of `service-a.service` for every client in the VPC and, beside them, a Service Connect endpoint in the same namespace whose client alias answers on the same name and port (`service-a.service:80`), so Service Connect clients move without code changes. Its discovery name is `service-a-sc`: DNS and Service Connect names share the namespace's Cloud Map service names.",
    variables: [REGION, VPC, SUBNETS, SECURITY_GROUPS, CLUSTER],
    tfvars: { vpc_id: PLACEHOLDERS.vpc_id, private_subnet_ids: [...PLACEHOLDERS.private_subnet_ids], cluster_arn: PLACEHOLDERS.cluster_arn },
    taskDefinition: {
      ...SERVICE_A_TASK,
      containers: SERVICE_A_TASK.containers.map((c) => ({ ...c, portMappings: [{ containerPort: 80, name: "http", appProtocol: "http" as const }] })),
    },
    moduleInputs: {
      ...SERVICE_A_INPUTS,
      service_connect: {
        services: [
          {
            port_name: "http",
            discovery_name: "service-a-sc",
            client_aliases: [{ dns_name: "service-a.service", port: 80 }],
            per_request_timeout_seconds: 30,
          },
        ],
      },
    },
  },
];

const TASK_DEFINITION_SCHEMA: BodySchema = {
  order: ["family", "network_mode", "requires_compatibilities", "cpu", "memory", "container_definitions"],
  jsonEncoded: ["container_definitions"],
};

const GENERATED_HEADER = "# Generated by `npm run export-module` (tools/hcl-module/examples.ts); edit the generator, not this file.\n";

/** The top-level blocks of an example's `main.tf` (also what the provider schema check reads). */
export function exampleBlocks(example: ModuleExample): TopLevelBlock[] {
  const td = example.taskDefinition;
  return [
    {
      type: "terraform",
      labels: [],
      body: {
        required_version: MODULE_REQUIRED_VERSION,
        required_providers: { aws: { source: "hashicorp/aws", version: MODULE_AWS_PROVIDER_VERSION } },
      },
      schema: TERRAFORM_SCHEMA,
    },
    { type: "provider", labels: ["aws"], body: { region: "${var.region}" }, schema: {} },
    ...example.variables.map((v) => ({
      type: "variable",
      labels: [v.name],
      body: { type: v.type, description: v.description, ...(v.default !== undefined ? { default: v.default } : {}) },
      schema: VARIABLE_SCHEMA,
    })),
    {
      type: "resource",
      labels: ["aws_ecs_task_definition", "this"],
      body: {
        family: td.family,
        network_mode: td.networkMode,
        requires_compatibilities: [td.launchType],
        ...(td.cpu !== undefined ? { cpu: String(td.cpu) } : {}),
        ...(td.memory !== undefined ? { memory: String(td.memory) } : {}),
        container_definitions: renderContainerDefinitions(td.containers, td.networkMode),
      },
      schema: TASK_DEFINITION_SCHEMA,
    },
    { type: "module", labels: [MODULE_NAME], body: { source: "../..", ...example.moduleInputs }, schema: MODULE_CALL_SCHEMA },
    ...["dns_name", "namespace_id", "discovery_service_arn", "ecs_service_name"].map((name) => ({
      type: "output",
      labels: [name],
      body: { value: `\${module.${MODULE_NAME}.${name}}` },
      schema: OUTPUT_SCHEMA,
    })),
  ];
}

/** The files of one example folder. */
export function exampleFiles(example: ModuleExample): Record<string, string> {
  return {
    "main.tf": GENERATED_HEADER + "\n" + renderHcl(exampleBlocks(example)),
    "terraform.tfvars": "# Placeholder values: replace them with your own before `terraform apply`.\n" + renderAttributes(example.tfvars),
  };
}
