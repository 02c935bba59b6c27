/**
 * The input variables of the exported Terraform module: names, types, descriptions and defaults.
 *
 * The names are a public contract (issue #3) and match `MODULE_VARIABLES` in `rules/fields.ts`,
 * which is how rule messages name them. This list is the one source for `variables.tf` and for the
 * inputs table of the module's README.
 */
import { TerraformStack, TerraformVariable } from "cdktf";
import { DEFAULT_TTL } from "../../src/core/aws-limits";
import { markNonNull } from "../../src/core/expr";

/** Marks a variable the caller must set. */
export const REQUIRED = Symbol("required");

export interface ModuleVariableSpec {
  readonly name: string;
  /** Terraform type constraint, as written in HCL. */
  readonly type: string;
  readonly description: string;
  /** `REQUIRED`, `null` (optional without a value), or the default value. */
  readonly default: typeof REQUIRED | null | string | number | boolean | readonly unknown[] | Record<string, unknown>;
}

const LOAD_BALANCER_TYPE = "list(object({ target_group_arn = string, container_name = string, container_port = number }))";

/**
 * The Service Connect input: the construct's `serviceConnect` prop in snake case, with the
 * defaults Terraform can apply itself (`optional(..., default)`). Attributes the rules check are
 * optional even when ECS needs them, so a missing one fails with the rule's message rather than
 * a type error. Written as `terraform fmt` lays it out.
 */
const SERVICE_CONNECT_TYPE = `object({
  enabled   = optional(bool, true)
  namespace = optional(string)
  services = optional(list(object({
    port_name                   = string
    discovery_name              = optional(string)
    client_aliases              = optional(list(object({ port = number, dns_name = optional(string) })), [])
    ingress_port_override       = optional(number)
    idle_timeout_seconds        = optional(number)
    per_request_timeout_seconds = optional(number)
    tls                         = optional(object({ aws_pca_authority_arn = optional(string), role_arn = optional(string), kms_key = optional(string) }))
  })), [])
  log_configuration = optional(object({
    log_driver = string
    options    = optional(map(string), {})
  }))
})`;

/** Attribute names of a `service_connect.services` entry, by the construct's prop names. */
export const SERVICE_CONNECT_ENTRY_KEYS: Readonly<Record<string, string>> = {
  portName: "port_name",
  discoveryName: "discovery_name",
  clientAliases: "client_aliases",
  dnsName: "dns_name",
  ingressPortOverride: "ingress_port_override",
  idleTimeoutSeconds: "idle_timeout_seconds",
  perRequestTimeoutSeconds: "per_request_timeout_seconds",
  tls: "tls",
  awsPcaAuthorityArn: "aws_pca_authority_arn",
  roleArn: "role_arn",
  kmsKey: "kms_key",
};

export const MODULE_VARIABLE_SPECS: readonly ModuleVariableSpec[] = [
  {
    name: "namespace_name",
    type: "string",
    description:
      "DNS name of the Cloud Map private DNS namespace, e.g. \"service\" or \"internal.example.com\"; tasks resolve as \"<discovery_name>.<namespace_name>\". When reusing a namespace, its existing name.",
    default: REQUIRED,
  },
  {
    name: "create_namespace",
    type: "bool",
    description: "Create the private DNS namespace (needs vpc_id). false reuses an existing one given by namespace_id.",
    default: true,
  },
  {
    name: "vpc_id",
    type: "string",
    description:
      "VPC the namespace is created in (required when create_namespace is true). The VPC needs enable_dns_support and enable_dns_hostnames, or the names do not resolve.",
    default: null,
  },
  {
    name: "namespace_id",
    type: "string",
    description: "Id (\"ns-...\") of an existing private DNS namespace (required when create_namespace is false).",
    default: null,
  },
  {
    name: "service_name",
    type: "string",
    description: "Name of the ECS service.",
    default: REQUIRED,
  },
  {
    name: "discovery_name",
    type: "string",
    description: "Discovery name, the first DNS label of the service's name (1-63 letters, digits, \"_\" and \"-\"). Defaults to service_name.",
    default: null,
  },
  {
    name: "cluster_arn",
    type: "string",
    description: "ARN (or name) of the ECS cluster the service runs in.",
    default: REQUIRED,
  },
  {
    name: "task_definition_arn",
    type: "string",
    description: "ARN of the task definition (family:revision also works) the service runs.",
    default: REQUIRED,
  },
  {
    name: "network_mode",
    type: "string",
    description:
      "Network mode of that task definition: \"awsvpc\" (A records by default; required on Fargate), \"bridge\" or \"host\" (SRV records). \"none\" cannot be discovered.",
    default: REQUIRED,
  },
  {
    name: "launch_type",
    type: "string",
    description: "Launch type: \"FARGATE\" (awsvpc only) or \"EC2\".",
    default: "FARGATE",
  },
  {
    name: "desired_count",
    type: "number",
    description: "Number of tasks, and so of DNS records (0-1000, Cloud Map's instance limit per service).",
    default: 1,
  },
  {
    name: "dns_record_type",
    type: "string",
    description:
      "Records published per task: \"A\", \"AAAA\", \"A_AAAA\" or \"SRV\". Defaults to \"A\" for awsvpc and \"SRV\" for bridge/host (the only type they allow).",
    default: null,
  },
  {
    name: "dns_ttl",
    type: "number",
    description: "TTL of the records in seconds (0-2147483647). Clients may keep a stopped task's address this long; 300 or less is advised.",
    default: DEFAULT_TTL,
  },
  {
    name: "routing_policy",
    type: "string",
    description: "\"MULTIVALUE\" (up to 8 healthy records per answer, chosen at random) or \"WEIGHTED\" (one record).",
    default: "MULTIVALUE",
  },
  {
    name: "subnet_ids",
    type: "list(string)",
    description: "Subnets of the tasks' network interfaces (awsvpc only, at least one; private subnets of the namespace's VPC).",
    default: [],
  },
  {
    name: "security_group_ids",
    type: "list(string)",
    description: "Security groups of the tasks' network interfaces (awsvpc only). Empty uses the VPC's default security group.",
    default: [],
  },
  {
    name: "assign_public_ip",
    type: "bool",
    description: "Give the tasks' network interfaces public IPs (awsvpc on Fargate only).",
    default: false,
  },
  {
    name: "container_name",
    type: "string",
    description:
      "Container whose port the SRV record publishes (required with container_port for bridge/host; awsvpc SRV takes this pair or srv_port). Not allowed with A/AAAA records.",
    default: null,
  },
  {
    name: "container_port",
    type: "number",
    description: "Container port (from the task definition's port mappings, not the host port) the SRV record publishes.",
    default: null,
  },
  {
    name: "srv_port",
    type: "number",
    description: "SRV port for awsvpc tasks, instead of container_name/container_port. Not allowed with bridge/host.",
    default: null,
  },
  {
    name: "load_balancers",
    type: LOAD_BALANCER_TYPE,
    description:
      "ALB/NLB target groups the service registers with as well as Cloud Map (e.g. while clients move from the load balancer to DNS). Classic Load Balancers cannot be combined with service discovery.",
    default: [],
  },
  {
    name: "force_destroy",
    type: "bool",
    description: "Let Terraform delete the Cloud Map service while tasks are still registered (otherwise destroy fails with ResourceInUse).",
    default: true,
  },
  {
    name: "tags",
    type: "map(string)",
    description: "Tags for every resource the module creates (the provider's default_tags apply too).",
    default: {},
  },
  {
    name: "service_connect",
    type: SERVICE_CONNECT_TYPE,
    description:
      "ECS Service Connect, beside the DNS records: null (default) leaves it off. namespace (name or ARN) defaults to the discovery namespace; each services entry publishes the named port port_name of the task definition as an endpoint (discovery_name defaults to port_name and must differ from the DNS discovery_name in the same namespace; exactly one client_aliases entry, the name and port clients call). No services makes a client-only service. enabled = false turns Service Connect off explicitly.",
    default: null,
  },
];

/** The variable tokens the module stack passes to the constructs, by variable name. */
export type ModuleVariables = Readonly<Record<string, TerraformVariable>>;

/**
 * Declares every variable on the stack, in the contract's order. Required variables and those
 * with a non-null default are `nullable = false` (an explicit null is refused, or means the
 * default), and their tokens are marked non-null so the constructs' defaulting folds away
 * instead of testing for null.
 */
export function declareModuleVariables(stack: TerraformStack): ModuleVariables {
  const variables: Record<string, TerraformVariable> = {};
  for (const spec of MODULE_VARIABLE_SPECS) {
    const hasValue = spec.default !== REQUIRED && spec.default !== null;
    const variable = new TerraformVariable(stack, spec.name, {
      type: spec.type,
      description: spec.description,
      ...(hasValue ? { default: spec.default } : {}),
      ...(spec.default === null ? {} : { nullable: false }),
    });
    // cdktf drops `default: null` (and crashes on it in places): an override writes it.
    if (spec.default === null) variable.addOverride("default", null);
    variables[spec.name] = variable;
  }
  return variables;
}

/** Token accessors that carry the variable's null-ness (see `markNonNull`). */
export function variableTokens(variables: ModuleVariables) {
  const spec = (name: string) => {
    const found = MODULE_VARIABLE_SPECS.find((s) => s.name === name);
    if (!found) throw new Error(`no module variable ${name}`);
    return found;
  };
  const mark = <T>(name: string, value: T): T => (spec(name).default !== null ? markNonNull(value) : value);
  return {
    string: (name: string): string => mark(name, variables[name].stringValue),
    number: (name: string): number => mark(name, variables[name].numberValue),
    list: (name: string): string[] => mark(name, variables[name].listValue),
    bool: (name: string): boolean => mark(name, variables[name].booleanValue as unknown as boolean),
    any: <T>(name: string): T => mark(name, variables[name].value as T),
  };
}
