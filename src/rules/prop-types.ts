/**
 * The documented type of every construct's props, in one place, and the check that enforces
 * them (rule SD000). A construct checks its props first thing: a missing or mistyped prop (from
 * JavaScript, a JSON-driven configuration, `as any`) stops construction with a rule error that
 * names the construct path, the prop, what is allowed and how to fix it, instead of a TypeError
 * or wrong Terraform further down. Values are the catalogue rules' business (SD001-...); this
 * only makes sure they are there and of the right kind.
 *
 * Each spec is typed against its props interface, so a prop added to an interface fails to
 * compile until its line is added here. Terraform tokens pass (see core/shape.ts).
 */
import { Construct, IConstruct } from "constructs";
import {
  FieldShape,
  Shape,
  boolean,
  checkShape,
  described,
  hasKey,
  listOf,
  literal,
  mapOf,
  missingReportedBy,
  number,
  objectOf,
  oneOf,
  optional,
  required,
  string,
} from "../core/shape";
import type { DiscoveryServiceProps } from "../discovery/discovery-service";
import type {
  DiscoverableEcsServiceProps,
  DiscoveryOptions,
  LoadBalancerTarget,
  NetworkOptions,
} from "../ecs/discoverable-ecs-service";
import type { TaskDefinitionProps } from "../ecs/task-definition";
import type {
  ContainerSpec,
  ExistingTaskDefinition,
  HealthCheckSpec,
  PortMappingSpec,
  TaskDefinitionSpec,
} from "../ecs/task-definition-spec";
import { NAMESPACE_TYPES } from "../core/aws-limits";
import type {
  ServiceConnectClientAlias,
  ServiceConnectLogConfiguration,
  ServiceConnectOptions,
  ServiceConnectService,
  ServiceConnectTls,
} from "../ecs/service-connect-options";
import type { HttpNamespaceProps } from "../namespace/http-namespace";
import type { INamespace } from "../namespace/namespace";
import type { NamespaceAttributes, PrivateDnsNamespaceProps } from "../namespace/private-dns-namespace";
import { PROP_TYPE_RULES } from "./catalogue";
import { formatMessage } from "./rule";
import { RuleViolation, reportViolations } from "./violations";

/** One field shape per prop of `T`, no more and no fewer. */
type Fields<T> = { readonly [K in keyof Required<T>]-?: FieldShape };

function fields<T>(spec: Fields<T>, expected?: string, example?: string): Shape {
  return objectOf(spec as Record<string, FieldShape>, expected, example);
}

const eg = (shape: Shape, example: string): Shape => described(shape, shape.expected, example);

const STRINGS = listOf(string, '["..."]');
const TAGS = mapOf(string, '{ Team: "platform" }');

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

export const PRIVATE_DNS_NAMESPACE_PROPS = fields<PrivateDnsNamespaceProps>({
  name: required(eg(string, '"service"')),
  // A missing VPC is SD002's to explain (a namespace is created in a VPC).
  vpcId: missingReportedBy("SD002", eg(string, '"vpc-0123456789abcdef0"')),
  description: optional(string),
  tags: optional(TAGS),
});

export const NAMESPACE_ATTRIBUTES = fields<NamespaceAttributes>({
  // A missing id is SD003's to explain (an existing namespace is reused only by its id).
  namespaceId: missingReportedBy("SD003", eg(string, '"ns-abcdefgh12345678"')),
  namespaceName: required(eg(string, '"internal.example.com"')),
  namespaceArn: optional(string),
});

export const HTTP_NAMESPACE_PROPS = fields<HttpNamespaceProps>({
  name: required(eg(string, '"internal"')),
  description: optional(string),
  tags: optional(TAGS),
});

/** `HttpNamespace.fromNamespaceAttributes`: an HTTP namespace is reused by its id too. */
export const HTTP_NAMESPACE_ATTRIBUTES = fields<NamespaceAttributes>({
  namespaceId: required(eg(string, '"ns-abcdefgh12345678"')),
  namespaceName: required(eg(string, '"internal"')),
  namespaceArn: optional(string),
});

/** `Namespace.fromNamespaceArn(scope, id, namespaceArn)`. */
export const NAMESPACE_ARN_ARGUMENTS = objectOf({
  namespaceArn: required(eg(string, '"arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678"')),
});

const NAMESPACE_EXPECTED =
  "a namespace (a PrivateDnsNamespace or HttpNamespace, their fromNamespaceAttributes(...), Namespace.fromNamespaceArn(...), or { namespaceId, namespaceName })";
const NAMESPACE_EXAMPLE = "the PrivateDnsNamespace this app creates";
const namespaceFields = (namespaceId: FieldShape) =>
  fields<INamespace>({
    namespaceId,
    namespaceName: required(string),
    namespaceArn: optional(string),
    namespaceType: optional(literal(...NAMESPACE_TYPES)),
  });

const NAMESPACE = oneOf(NAMESPACE_EXPECTED, NAMESPACE_EXAMPLE, [
  // A namespace construct checked its own attributes when it was built: an import without its id
  // has reported SD003 there. Saying so again here would stop this construct before its own
  // rules run, and hide them.
  { when: (v) => Construct.isConstruct(v), shape: namespaceFields(missingReportedBy("SD003", string)) },
  { shape: namespaceFields(required(string)) },
]);

// ---------------------------------------------------------------------------------------------
// Cloud Map services
// ---------------------------------------------------------------------------------------------

export const DISCOVERY_SERVICE_PROPS = fields<DiscoveryServiceProps>({
  namespace: required(NAMESPACE),
  name: required(eg(string, '"orders"')),
  dnsRecordType: optional(eg(string, '"A"')),
  dnsTtl: optional(eg(number, "60")),
  routingPolicy: optional(eg(string, '"MULTIVALUE"')),
  forceDestroy: optional(boolean),
  description: optional(string),
  tags: optional(TAGS),
});

// ---------------------------------------------------------------------------------------------
// Task definitions
// ---------------------------------------------------------------------------------------------

const PORT_MAPPING = fields<PortMappingSpec>(
  {
    containerPort: required(eg(number, "8080")),
    hostPort: optional(eg(number, "0")),
    // No catalogue rule reads it; a wrong value would only fail at apply.
    protocol: optional(literal("tcp", "udp")),
    name: optional(eg(string, '"http"')),
    // Its values are the Service Connect rules' (a per-request timeout needs http/http2/grpc).
    appProtocol: optional(eg(string, '"http"')),
  },
  undefined,
  "{ containerPort: 8080 }",
);

const HEALTH_CHECK = fields<HealthCheckSpec>(
  {
    command: required(listOf(string, '["CMD-SHELL", "curl -f http://localhost/ || exit 1"]')),
    interval: optional(eg(number, "30")),
    timeout: optional(eg(number, "5")),
    retries: optional(eg(number, "3")),
    startPeriod: optional(eg(number, "0")),
  },
  undefined,
  '{ command: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] }',
);

const CONTAINER = fields<ContainerSpec>(
  {
    name: required(eg(string, '"web"')),
    image: required(eg(string, '"public.ecr.aws/nginx/nginx:stable-alpine"')),
    essential: optional(boolean),
    cpu: optional(eg(number, "256")),
    memory: optional(eg(number, "512")),
    portMappings: optional(listOf(PORT_MAPPING)),
    healthCheck: optional(HEALTH_CHECK),
    environment: optional(mapOf(string, '{ LOG_LEVEL: "info" }')),
    command: optional(STRINGS),
    logGroupName: optional(eg(string, '"/ecs/web"')),
    logRegion: optional(eg(string, '"us-east-1"')),
  },
  undefined,
  '{ name: "web", image: "nginx" }',
);

export const TASK_DEFINITION_SPEC = fields<TaskDefinitionSpec>(
  {
    family: required(eg(string, '"api"')),
    // Its values are SD010's.
    networkMode: required(eg(string, '"awsvpc"')),
    cpu: optional(eg(number, "256")),
    memory: optional(eg(number, "512")),
    executionRoleArn: optional(string),
    taskRoleArn: optional(string),
    containers: required(listOf(CONTAINER, '[{ name: "web", image: "nginx" }]')),
  },
  undefined,
  '{ family: "api", networkMode: "awsvpc", containers: [...] }',
);

const EXISTING_TASK_DEFINITION = fields<ExistingTaskDefinition>({
  taskDefinitionArn: required(eg(string, '"arn:aws:ecs:us-east-1:123456789012:task-definition/api:7"')),
  networkMode: required(eg(string, '"awsvpc"')),
});

export const TASK_DEFINITION_PROPS = fields<TaskDefinitionProps>({
  spec: required(TASK_DEFINITION_SPEC),
  launchType: required(eg(string, '"FARGATE"')),
  tags: optional(TAGS),
});

// ---------------------------------------------------------------------------------------------
// ECS services
// ---------------------------------------------------------------------------------------------

const DISCOVERY_OPTIONS = fields<DiscoveryOptions>(
  {
    namespace: required(NAMESPACE),
    name: optional(eg(string, '"orders"')),
    dnsRecordType: optional(eg(string, '"SRV"')),
    dnsTtl: optional(eg(number, "60")),
    routingPolicy: optional(eg(string, '"MULTIVALUE"')),
    containerName: optional(eg(string, '"web"')),
    containerPort: optional(eg(number, "8080")),
    port: optional(eg(number, "8080")),
    forceDestroy: optional(boolean),
    description: optional(string),
  },
  undefined,
  "{ namespace }",
);

const NETWORK = fields<NetworkOptions>(
  {
    subnetIds: required(listOf(string, '["subnet-0123456789abcdef0"]')),
    securityGroupIds: optional(listOf(string, '["sg-0123456789abcdef0"]')),
    vpcId: optional(eg(string, '"vpc-0123456789abcdef0"')),
    assignPublicIp: optional(boolean),
  },
  undefined,
  '{ subnetIds: ["subnet-0123456789abcdef0"] }',
);

const TARGET_GROUP_EXAMPLE = '{ targetGroupArn: "arn:aws:elasticloadbalancing:...", containerName: "web", containerPort: 80 }';

const LOAD_BALANCER = oneOf("an ALB/NLB target group { targetGroupArn, containerName, containerPort }", TARGET_GROUP_EXAMPLE, [
  // A Classic Load Balancer is refused by SD027, with the reason; only its name's type matters here.
  { when: hasKey("elbName"), shape: objectOf({ elbName: required(string) }) },
  {
    shape: fields<Omit<LoadBalancerTarget, "elbName">>({
      targetGroupArn: required(eg(string, '"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef"')),
      containerName: required(eg(string, '"web"')),
      containerPort: required(eg(number, "80")),
    }),
  },
]);

const TASK_DEFINITION = oneOf(
  "a task definition spec { family, networkMode, containers } or an existing task definition { taskDefinitionArn, networkMode }",
  '{ family: "api", networkMode: "awsvpc", containers: [{ name: "web", image: "nginx" }] }',
  [{ when: hasKey("taskDefinitionArn"), shape: EXISTING_TASK_DEFINITION }, { shape: TASK_DEFINITION_SPEC }],
);

const SERVICE_CONNECT_SERVICE = fields<ServiceConnectService>(
  {
    portName: required(eg(string, '"http"')),
    discoveryName: optional(eg(string, '"api-sc"')),
    clientAliases: optional(
      listOf(
        fields<ServiceConnectClientAlias>({ port: required(eg(number, "80")), dnsName: optional(eg(string, '"api.internal"')) }, undefined, "{ port: 80 }"),
        "[{ port: 80 }]",
      ),
    ),
    ingressPortOverride: optional(eg(number, "15080")),
    idleTimeoutSeconds: optional(eg(number, "300")),
    perRequestTimeoutSeconds: optional(eg(number, "15")),
    tls: optional(
      fields<ServiceConnectTls>(
        {
          // Missing ones are SD058's and SD059's to explain (what TLS needs, and why).
          awsPcaAuthorityArn: missingReportedBy("SD058", eg(string, '"arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/..."')),
          roleArn: missingReportedBy("SD059", eg(string, '"arn:aws:iam::123456789012:role/ecsInfrastructureRole"')),
          kmsKey: optional(string),
        },
        undefined,
        "{ awsPcaAuthorityArn, roleArn }",
      ),
    ),
  },
  undefined,
  '{ portName: "http", clientAliases: [{ port: 80 }] }',
);

const SERVICE_CONNECT = fields<ServiceConnectOptions>(
  {
    namespace: optional(NAMESPACE),
    services: optional(listOf(SERVICE_CONNECT_SERVICE, '[{ portName: "http", clientAliases: [{ port: 80 }] }]')),
    logConfiguration: optional(
      fields<ServiceConnectLogConfiguration>(
        {
          logDriver: required(eg(string, '"awslogs"')),
          options: optional(mapOf(string, '{ "awslogs-group": "/ecs/api" }')),
          secretOptions: optional(
            listOf(objectOf({ name: required(string), valueFrom: required(string) }), '[{ name: "...", valueFrom: "arn:aws:ssm:..." }]'),
          ),
        },
        undefined,
        '{ logDriver: "awslogs", options: { ... } }',
      ),
    ),
    enabled: optional(boolean),
  },
  undefined,
  '{ services: [{ portName: "http", clientAliases: [{ port: 80 }] }] }',
);

export const DISCOVERABLE_ECS_SERVICE_PROPS = fields<DiscoverableEcsServiceProps>({
  cluster: required(eg(string, '"my-cluster"')),
  serviceName: required(eg(string, '"api"')),
  desiredCount: optional(eg(number, "2")),
  launchType: optional(eg(string, '"FARGATE"')),
  taskDefinition: required(TASK_DEFINITION),
  // At least one of discovery and serviceConnect: SD035's to explain.
  discovery: optional(DISCOVERY_OPTIONS),
  serviceConnect: optional(SERVICE_CONNECT),
  network: optional(NETWORK),
  loadBalancers: optional(listOf(LOAD_BALANCER, `[${TARGET_GROUP_EXAMPLE}]`)),
  healthCheckGracePeriodSeconds: optional(eg(number, "30")),
  enableExecuteCommand: optional(boolean),
  deploymentCircuitBreaker: optional(boolean),
  tags: optional(TAGS),
  instanceSecurityGroupIds: optional(listOf(string, '["sg-0123456789abcdef0"]')),
});

/** `DiscoverableEcsService.allowFrom(client, port?)`. */
export const ALLOW_FROM_ARGUMENTS = objectOf({
  client: required(
    oneOf(
      "a client with security groups: another DiscoverableEcsService, { securityGroupIds: [...] }, { securityGroupId } or a security group id",
      "the DiscoverableEcsService that calls this one",
      [
        { when: (v) => typeof v === "string", shape: string },
        { when: hasKey("securityGroupIds"), shape: objectOf({ securityGroupIds: required(listOf(string, '["sg-0123456789abcdef0"]')) }) },
        { when: hasKey("securityGroupId"), shape: objectOf({ securityGroupId: required(eg(string, '"sg-0123456789abcdef0"')) }) },
      ],
    ),
  ),
  port: optional(eg(number, "8080")),
});

// ---------------------------------------------------------------------------------------------

const [SD000] = PROP_TYPE_RULES;

/**
 * Checks `props` against `shape` for the construct `scope` and, when anything is missing or
 * mistyped, throws every such problem (with the rule violations recorded earlier in the app) as
 * one rule error: a construct cannot be built from such props. `label` spells a path the way
 * the user wrote it (`client` -> `allowFrom(client)`).
 */
export function checkProps(scope: IConstruct, shape: Shape, props: unknown, label: (path: string) => string = (p) => p || "props"): void {
  const problems = checkShape(shape, props);
  if (problems.length === 0) return;
  const path = scope.node.path;
  const violations: RuleViolation[] = problems.map((problem) => {
    const property = label(problem.path);
    const message = SD000.message({ name: (f) => f, value: (v) => JSON.stringify(v) }, { property, problem });
    return { ruleId: SD000.id, path, property, message: `${path}: ${formatMessage(SD000.id, message)}` };
  });
  reportViolations(scope, violations);
}
