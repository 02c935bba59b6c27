/**
 * Every rule of ECS service discovery this library enforces, in one place.
 *
 * Each rule has an id, a condition written with the partial evaluator of `core/expr` (so it is
 * a boolean for known inputs and a Terraform condition for unresolved ones), and a message in
 * three parts: what is wrong, what is allowed, how to fix it. The TypeScript constructs throw or
 * warn with these messages at synth; the exported HCL module carries the same conditions and
 * messages as `validation` and `precondition` blocks. Sources: ../shared/seed/DIGEST.md.
 */
import {
  ADDRESS_RECORD_TYPES,
  APP_PROTOCOLS,
  CLIENT_ALIAS_DNS_NAME_PATTERN,
  DNS_LABEL_PATTERN,
  HTTP_NAMESPACE_NAME_PATTERN,
  IAM_ROLE_ARN_PATTERN,
  LOG_DRIVERS,
  MAX_TIMEOUT_SECONDS,
  MIN_INGRESS_PORT_OVERRIDE,
  NAMESPACE_ARN_PATTERN,
  PCA_AUTHORITY_ARN_PATTERN,
  PORT_NAME_PATTERN,
  SERVICE_CONNECT_DISCOVERY_NAME_PATTERN,
  SERVICE_CONNECT_PROXY_MEMORY,
  DNS_RECORD_TYPES,
  LAUNCH_TYPES,
  LONG_TTL_WARNING,
  MAX_INSTANCES_PER_SERVICE,
  MAX_PORT,
  MAX_TTL,
  MIN_PORT,
  MIN_TTL,
  NAMESPACE_NAME_MAX_LENGTH,
  NAMESPACE_NAME_PATTERN,
  NETWORK_MODES,
  ROUTING_POLICIES,
} from "../core/aws-limits";
import {
  Cond,
  and,
  eq,
  gt,
  implies,
  integerInRange,
  isKnown,
  isSet,
  joinWhere,
  lengthOf,
  listContains,
  matches,
  not,
  oneOf,
  or,
  stringLengthInRange,
  when,
} from "../core/expr";
import { describeValue } from "../core/shape";
import {
  DiscoveryFacts,
  DiscoveryNamespaceFacts,
  HttpNamespaceFacts,
  NamespaceArnFacts,
  NamespaceFacts,
  PropTypeFacts,
  ServiceConnectFacts,
  ServiceConnectServiceFacts,
  ServiceFacts,
} from "./facts";
import { Field } from "./fields";
import { ContainerSpec } from "../ecs/task-definition-spec";
import { Rule } from "./rule";

const quoted = (values: readonly (string | number)[]): string => values.map((v) => JSON.stringify(v)).join(", ");

// ---------------------------------------------------------------------------------------------
// Props (every construct): checked before any other rule, since the others read the values
// ---------------------------------------------------------------------------------------------

/** Numbers and booleans written as strings: what JSON-driven configurations get wrong most. */
const quotedScalar = (f: PropTypeFacts): boolean =>
  typeof f.problem?.value === "string" && ["a number", "true or false"].includes(f.problem.expected);

export const PROP_TYPE_RULES: readonly Rule<PropTypeFacts>[] = [
  {
    id: "SD000",
    title: "Props have their documented types",
    severity: "error",
    subject: "props",
    holds: (f) => f.problem === undefined,
    message: (_d, f) => {
      const p = f.problem!;
      const missing = p.value === undefined;
      const optionalNull = p.value === null && !p.required;
      return {
        problem: missing
          ? `${f.property} is missing, but it is required`
          : `${f.property} is ${describeValue(p.value)}, which is not ${p.expected}`,
        allowed: `${p.expected}, such as ${p.example}${p.required ? "" : `; or leave ${f.property} out for its default`}`,
        fix: missing
          ? `set ${f.property} (for example to ${p.example})`
          : optionalNull
            ? `leave ${f.property} out (or pass undefined) to get its default, or set it to ${p.expected}`
            : quotedScalar(f)
              ? `write ${f.property} without quotes (${p.example}, not "${p.example}"): JSON and environment values must be converted before they are passed`
              : `set ${f.property} to ${p.expected}, such as ${p.example}`,
      };
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Namespace
// ---------------------------------------------------------------------------------------------

export const NAMESPACE_RULES: readonly Rule<NamespaceFacts>[] = [
  {
    id: "SD001",
    title: "Namespace name is 1-1024 characters of letters, digits, `.`, `_` and `-`",
    severity: "error",
    subject: "namespaceName",
    holds: (f) =>
      and(stringLengthInRange(f.namespaceName, 1, NAMESPACE_NAME_MAX_LENGTH), matches(f.namespaceName, NAMESPACE_NAME_PATTERN)),
    message: (d, f) => ({
      problem: `${d.name("namespaceName")} is ${d.value(f.namespaceName)}, which is not a valid Cloud Map namespace name`,
      allowed: "1-1024 characters of letters, digits, \".\", \"_\" and \"-\", such as \"service\" or \"internal.example.com\"",
      fix: `rename ${d.name("namespaceName")}; clients resolve "<discovery name>.<namespace name>"`,
    }),
  },
  {
    id: "SD002",
    title: "A namespace that is created needs the VPC it serves",
    severity: "error",
    subject: "vpcId",
    holds: (f) => implies(f.createNamespace, () => and(isSet(f.vpcId), matches(f.vpcId ?? "", "^vpc-[0-9a-zA-Z]+$"))),
    message: (d, f) => ({
      problem: `${d.name("vpcId")} is ${d.value(f.vpcId)}, but a private DNS namespace must be created in a VPC (Cloud Map associates its Route 53 private hosted zone with that VPC)`,
      allowed: "a VPC id such as \"vpc-0123456789abcdef0\"",
      fix: `set ${d.name("vpcId")} to the id of the VPC the tasks run in, or reuse an existing namespace instead of creating one`,
    }),
  },
  {
    id: "SD003",
    title: "Reusing a namespace needs its id",
    severity: "error",
    subject: "namespaceId",
    holds: (f) => implies(not(f.createNamespace), () => and(isSet(f.namespaceId), matches(f.namespaceId ?? "", "^ns-[0-9a-zA-Z]+$"))),
    message: (d, f) => ({
      problem: `${d.name("namespaceId")} is ${d.value(f.namespaceId)}, but an existing namespace is reused only by its id`,
      allowed: "a Cloud Map namespace id such as \"ns-abcdefgh12345678\"",
      fix: `set ${d.name("namespaceId")} to the id of the existing private DNS namespace (aws servicediscovery list-namespaces), or create the namespace here`,
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// Discovery (Cloud Map) service
// ---------------------------------------------------------------------------------------------

export const DISCOVERY_RULES: readonly Rule<DiscoveryFacts>[] = [
  {
    id: "SD004",
    title: "Discovery name is one DNS label (1-63 characters)",
    severity: "error",
    subject: "discoveryName",
    holds: (f) => matches(f.discoveryName, DNS_LABEL_PATTERN),
    message: (d, f) => ({
      problem: `${d.name("discoveryName")} is ${d.value(f.discoveryName)}, which is not a DNS label; it becomes the first label of "<name>.<namespace>"`,
      allowed: "1-63 letters, digits, \"_\" and \"-\", not starting or ending with \"-\" (no dots)",
      fix: `set ${d.name("discoveryName")} to a short name such as "orders"`,
    }),
  },
  {
    id: "SD005",
    title: "Discovery names are unique within a namespace",
    severity: "error",
    subject: "discoveryName",
    holds: (f) => f.duplicateOf === undefined,
    message: (d, f) => ({
      problem:
        f.duplicateKind === "service-connect"
          ? `${d.name("discoveryName")} is ${d.value(f.discoveryName)}, which ${f.duplicateOf} already uses as a Service Connect discovery name in the same namespace; both would create a Cloud Map service of that name`
          : `${d.name("discoveryName")} is ${d.value(f.discoveryName)}, which ${f.duplicateOf} already uses in the same namespace; both would claim the same DNS name`,
      allowed: "one discovery service per name and namespace",
      fix: `give this service another ${d.name("discoveryName")}, or register it in another namespace`,
    }),
  },
  {
    id: "SD006",
    title: "Record type is A, AAAA, A_AAAA or SRV (CNAME is refused)",
    severity: "error",
    subject: "dnsRecordType",
    holds: (f) => oneOf(f.dnsRecordType, DNS_RECORD_TYPES),
    message: (d, f) => ({
      problem: `${d.name("dnsRecordType")} is ${d.value(f.dnsRecordType)}, which ECS service discovery cannot register`,
      allowed: quoted(DNS_RECORD_TYPES),
      fix: `use "A" for awsvpc tasks or "SRV" for bridge/host tasks (CNAME needs WEIGHTED routing and is never registered by ECS)`,
    }),
  },
  {
    id: "SD007",
    title: "Routing policy is MULTIVALUE or WEIGHTED",
    severity: "error",
    subject: "routingPolicy",
    holds: (f) => oneOf(f.routingPolicy, ROUTING_POLICIES),
    message: (d, f) => ({
      problem: `${d.name("routingPolicy")} is ${d.value(f.routingPolicy)}, which Cloud Map does not offer`,
      allowed: quoted(ROUTING_POLICIES),
      fix: `use "MULTIVALUE" (up to 8 healthy task records per answer, chosen at random) unless you need WEIGHTED`,
    }),
  },
  {
    id: "SD008",
    title: `TTL is an integer from ${MIN_TTL} to ${MAX_TTL} seconds`,
    severity: "error",
    subject: "dnsTtl",
    holds: (f) => integerInRange(f.dnsTtl, MIN_TTL, MAX_TTL),
    message: (d, f) => ({
      problem: `${d.name("dnsTtl")} is ${d.value(f.dnsTtl)}, which is not a valid DNS TTL`,
      allowed: `an integer number of seconds from ${MIN_TTL} to ${MAX_TTL}`,
      fix: `set ${d.name("dnsTtl")} to a whole number of seconds such as 60 (the default)`,
    }),
  },
  {
    id: "SD009",
    title: `TTL above ${LONG_TTL_WARNING} s (warning): clients keep stopped tasks' IPs that long`,
    severity: "warning",
    subject: "dnsTtl",
    holds: (f) => not(gt(f.dnsTtl, LONG_TTL_WARNING)),
    message: (d, f) => ({
      problem: `${d.name("dnsTtl")} is ${d.value(f.dnsTtl)}: resolvers may keep answering with the IPs of stopped tasks for that long after a deployment or scale-in`,
      allowed: `any TTL, ${LONG_TTL_WARNING} seconds or less recommended`,
      fix: `lower ${d.name("dnsTtl")} (60 is the default) unless clients handle failed connections by re-resolving`,
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// ECS service registered to the discovery service
// ---------------------------------------------------------------------------------------------

const isSrv = (f: ServiceFacts): Cond => eq(f.dnsRecordType, "SRV");
const isAwsvpc = (f: ServiceFacts): Cond => eq(f.networkMode, "awsvpc");
const isBridgeOrHost = (f: ServiceFacts): Cond => oneOf(f.networkMode, ["bridge", "host"]);
/** SRV target taken from the task definition (no explicit port), for task definitions created here. */
const srvFromContainers = (f: ServiceFacts): boolean =>
  f.containers !== undefined && isSrv(f) === true && f.port === undefined;
/** The inputs of an awsvpc network configuration: when each counts as given, and how to say so. */
const NETWORK_INPUTS: Partial<Record<Field, { given: (f: ServiceFacts) => Cond; says: string }>> = {
  subnetIds: { given: (f) => gt(lengthOf(f.subnetIds), 0), says: "is not empty" },
  securityGroupIds: { given: (f) => gt(lengthOf(f.securityGroupIds ?? []), 0), says: "is not empty" },
  assignPublicIp: { given: (f) => f.assignPublicIp, says: "is true" },
};
/**
 * A network configuration is given: `network` passed in TypeScript, or (values known only at
 * plan, as in the exported module, which always passes its variables) any of its inputs set.
 */
const networkGiven = (f: ServiceFacts): Cond => or(f.networkPassed, ...Object.values(NETWORK_INPUTS).map((i) => i!.given(f)));
/** "a", "a and b", "a, b and c". */
const listText = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
const mappedPorts = (f: ServiceFacts, name: string | undefined): number[] =>
  (f.containers?.find((c) => c.name === name)?.portMappings ?? []).map((p) => p.containerPort);

export const SERVICE_RULES: readonly Rule<ServiceFacts>[] = [
  {
    id: "SD010",
    title: "Network mode is awsvpc, bridge or host (`none` cannot be discovered)",
    severity: "error",
    subject: "networkMode",
    holds: (f) => oneOf(f.networkMode, NETWORK_MODES),
    message: (d, f) => ({
      problem: `${d.name("networkMode")} is ${d.value(f.networkMode)}, but ECS service discovery registers only tasks with a network address ("none" has none)`,
      allowed: quoted(NETWORK_MODES),
      fix: `use "awsvpc" (A records; required on Fargate), or "bridge"/"host" on EC2 (SRV records)`,
    }),
  },
  {
    id: "SD011",
    title: "Launch type is FARGATE or EC2",
    severity: "error",
    subject: "launchType",
    holds: (f) => oneOf(f.launchType, LAUNCH_TYPES),
    message: (d, f) => ({
      problem: `${d.name("launchType")} is ${d.value(f.launchType)}, which this library does not deploy`,
      allowed: quoted(LAUNCH_TYPES),
      fix: `set ${d.name("launchType")} to "FARGATE" (awsvpc only) or "EC2"`,
    }),
  },
  {
    id: "SD012",
    title: "Fargate requires awsvpc",
    severity: "error",
    subject: "networkMode",
    holds: (f) => implies(eq(f.launchType, "FARGATE"), () => isAwsvpc(f)),
    message: (d, f) => ({
      problem: `${d.name("networkMode")} is ${d.value(f.networkMode)}, but ${d.name("launchType")} "FARGATE" runs tasks only in awsvpc mode`,
      allowed: `"awsvpc" with "FARGATE"; "bridge" and "host" with "EC2"`,
      fix: `set ${d.name("networkMode")} to "awsvpc", or set ${d.name("launchType")} to "EC2" to keep bridge/host`,
    }),
  },
  {
    id: "SD013",
    title: "bridge/host tasks register SRV records only",
    severity: "error",
    subject: "dnsRecordType",
    holds: (f) => implies(isBridgeOrHost(f), () => isSrv(f)),
    message: (d, f) => ({
      problem: `${d.name("dnsRecordType")} is ${d.value(f.dnsRecordType)}, but tasks in network mode ${d.value(f.networkMode)} share the host's address and are registered with SRV records (address + port) only`,
      allowed: `"SRV" for bridge and host; A/AAAA only with "awsvpc"`,
      fix: `remove ${d.name("dnsRecordType")} (bridge/host default to "SRV"), or use network mode "awsvpc" for A records`,
    }),
  },
  {
    id: "SD014",
    title: "`port` is for awsvpc SRV only; bridge/host use the container name and port",
    severity: "error",
    subject: "port",
    holds: (f) => implies(isSet(f.port), () => isAwsvpc(f)),
    message: (d, f) => ({
      problem: `${d.name("port")} is ${d.value(f.port)}, but in network mode ${d.value(f.networkMode)} ECS takes the SRV port from the container's port mapping`,
      allowed: `${d.name("port")} only with "awsvpc"; ${d.name("containerName")} + ${d.name("containerPort")} with bridge/host`,
      fix: `remove ${d.name("port")} and set ${d.name("containerName")} and ${d.name("containerPort")} to a container and port of the task definition`,
    }),
  },
  {
    id: "SD015",
    title: "awsvpc SRV takes `port` or the container name/port, never both",
    severity: "error",
    subject: "port",
    holds: (f) =>
      implies(and(isAwsvpc(f), isSrv(f)), () =>
        not(and(isSet(f.port), or(isSet(f.containerName), isSet(f.containerPort))))),
    message: (d, f) => ({
      problem: `${d.name("port")} is ${d.value(f.port)} and ${d.name("containerName")}/${d.name("containerPort")} are ${d.value(f.containerName)}/${d.value(f.containerPort)}; ECS rejects a registry that gives both`,
      allowed: `either ${d.name("port")}, or ${d.name("containerName")} with ${d.name("containerPort")}`,
      fix: `keep one: remove ${d.name("port")}, or remove ${d.name("containerName")} and ${d.name("containerPort")}`,
    }),
  },
  {
    id: "SD016",
    title: "A/AAAA records take no port, container name or container port",
    severity: "error",
    subject: "dnsRecordType",
    // awsvpc only: bridge/host with A/AAAA is SD013's to report, and there the container name
    // and port are what the SRV record they need takes, so "remove them" would be wrong advice.
    holds: (f) =>
      implies(and(isAwsvpc(f), oneOf(f.dnsRecordType, ADDRESS_RECORD_TYPES)), () =>
        and(not(isSet(f.port)), not(isSet(f.containerName)), not(isSet(f.containerPort)))),
    message: (d, f) => ({
      problem: `${d.name("dnsRecordType")} is ${d.value(f.dnsRecordType)}, but ${d.name("port")}/${d.name("containerName")}/${d.name("containerPort")} are ${d.value(f.port)}/${d.value(f.containerName)}/${d.value(f.containerPort)}; AWS rejects a port for address records at deploy time ("A port was provided but is not required")`,
      allowed: `no ${d.name("port")}, ${d.name("containerName")} or ${d.name("containerPort")} with A/AAAA records`,
      fix: `remove them, or set ${d.name("dnsRecordType")} to "SRV" if clients need the port`,
    }),
  },
  {
    id: "SD017",
    title: "SRV with an existing task definition names the container and port (or awsvpc `port`)",
    severity: "error",
    subject: "containerName",
    holds: (f) =>
      f.containers !== undefined
        ? true
        : implies(isSrv(f), () => or(isSet(f.port), and(isSet(f.containerName), isSet(f.containerPort)))),
    message: (d, f) => ({
      problem: `${d.name("containerName")}/${d.name("containerPort")} are ${d.value(f.containerName)}/${d.value(f.containerPort)}, but an SRV record needs a port and the task definition is not known here (ECS fails with InvalidParameterException at deploy)`,
      allowed: `${d.name("containerName")} + ${d.name("containerPort")} from the task definition's port mappings (awsvpc may use ${d.name("port")} instead)`,
      fix: `set ${d.name("containerName")} and ${d.name("containerPort")} to the container and container port that serve traffic`,
    }),
  },
  {
    id: "SD018",
    title: "SRV needs a task definition that maps a port",
    severity: "error",
    subject: "taskDefinition",
    // Without a container name the SRV target defaults to an *essential* container that maps a
    // port; a port on a non-essential container alone leaves the registry without a port.
    holds: (f) =>
      !srvFromContainers(f) ||
      f.containerName !== undefined ||
      (f.containers ?? []).some((c) => c.essential !== false && (c.portMappings ?? []).length > 0),
    message: (d) => ({
      problem: `${d.name("taskDefinition")} maps no container port on an essential container, but an SRV record publishes a port`,
      allowed: `SRV when an essential container has a port mapping, or ${d.name("containerName")} names a container that has one; A records (awsvpc) need none`,
      fix: `add portMappings to the container that serves traffic (e.g. { containerPort: 8080, hostPort: 0 } in bridge mode), or set ${d.name("containerName")} to the container that maps the port`,
    }),
  },
  {
    id: "SD019",
    title: "The SRV container exists in the task definition",
    severity: "error",
    subject: "containerName",
    holds: (f) =>
      !srvFromContainers(f) ||
      f.containerName === undefined ||
      !isKnown(f.containerName) ||
      (f.containers ?? []).some((c) => c.name === f.containerName),
    message: (d, f) => ({
      problem: `${d.name("containerName")} is ${d.value(f.containerName)}, which is not a container of the task definition`,
      allowed: quoted((f.containers ?? []).map((c) => c.name)),
      fix: `set ${d.name("containerName")} to one of the task definition's containers, or omit it to use the first essential container that maps a port`,
    }),
  },
  {
    id: "SD020",
    title: "The SRV container maps the SRV container port",
    severity: "error",
    subject: "containerPort",
    holds: (f) => {
      if (!srvFromContainers(f) || f.containerName === undefined) return true;
      if (!(f.containers ?? []).some((c) => c.name === f.containerName)) return true; // SD019 reports it
      if (!isKnown(f.containerPort)) return true;
      return f.containerPort !== undefined && mappedPorts(f, f.containerName).includes(f.containerPort);
    },
    message: (d, f) => {
      const ports = mappedPorts(f, f.containerName);
      return {
        problem:
          ports.length === 0
            ? `${d.name("containerName")} is ${d.value(f.containerName)}, which maps no port, so there is no ${d.name("containerPort")} for the SRV record`
            : `${d.name("containerPort")} is ${d.value(f.containerPort)}, but container ${d.value(f.containerName)} maps only ${quoted(ports)}`,
        allowed: ports.length === 0 ? "a container with a port mapping" : `a containerPort of ${d.value(f.containerName)}: ${quoted(ports)}`,
        fix:
          ports.length === 0
            ? `add a port mapping to ${d.value(f.containerName)}, or point ${d.name("containerName")} at the container that serves traffic`
            : `set ${d.name("containerPort")} to a mapped containerPort (not the host port), or omit it to use ${ports[0]}`,
      };
    },
  },
  {
    id: "SD021",
    title: `Container port is an integer from ${MIN_PORT} to ${MAX_PORT}`,
    severity: "error",
    subject: "containerPort",
    holds: (f) => implies(isSet(f.containerPort), () => integerInRange(f.containerPort as number, MIN_PORT, MAX_PORT)),
    message: (d, f) => ({
      problem: `${d.name("containerPort")} is ${d.value(f.containerPort)}, which is not a TCP/UDP port`,
      allowed: `an integer from ${MIN_PORT} to ${MAX_PORT}`,
      fix: `set ${d.name("containerPort")} to the port the container listens on`,
    }),
  },
  {
    id: "SD022",
    title: `SRV port is an integer from ${MIN_PORT} to ${MAX_PORT}`,
    severity: "error",
    subject: "port",
    holds: (f) => implies(isSet(f.port), () => integerInRange(f.port as number, MIN_PORT, MAX_PORT)),
    message: (d, f) => ({
      problem: `${d.name("port")} is ${d.value(f.port)}, which is not a TCP/UDP port`,
      allowed: `an integer from ${MIN_PORT} to ${MAX_PORT}`,
      fix: `set ${d.name("port")} to the port the tasks listen on`,
    }),
  },
  {
    id: "SD023",
    title: "awsvpc needs at least one subnet",
    severity: "error",
    subject: "subnetIds",
    holds: (f) => implies(isAwsvpc(f), () => gt(lengthOf(f.subnetIds), 0)),
    message: (d) => ({
      problem: `${d.name("subnetIds")} is empty, but awsvpc tasks get their own network interface in a subnet`,
      allowed: "one or more private subnet ids of the namespace's VPC",
      fix: `set ${d.name("subnetIds")} to the private subnets the tasks should run in`,
    }),
  },
  {
    id: "SD024",
    title: "bridge/host take no network configuration",
    severity: "error",
    subject: "network",
    holds: (f) => implies(isBridgeOrHost(f), () => not(networkGiven(f))),
    message: (d, f) => {
      // Name what was given: `network` in TypeScript, the module's variables that are set.
      const inputs = d.inputs?.("network") ?? ["network"];
      const given = (field: Field) => (field === "network" ? networkGiven(f) : NETWORK_INPUTS[field]!.given(f));
      const said = (field: Field) => (field === "network" ? "is set" : NETWORK_INPUTS[field]!.says);
      return {
        problem: `${joinWhere(inputs.map((i) => [given(i), `${d.name(i)} ${said(i)}`]), " and ")}, but tasks in network mode ${d.value(f.networkMode)} use the container instance's network (ECS rejects a network configuration)`,
        allowed: `${listText(inputs.map((i) => d.name(i)))} only with "awsvpc"`,
        fix: `remove ${joinWhere(inputs.map((i) => [given(i), d.name(i)]), " and ")}, or switch to network mode "awsvpc"`,
      };
    },
  },
  {
    id: "SD025",
    title: "Public IPs only on Fargate",
    severity: "error",
    subject: "assignPublicIp",
    holds: (f) => implies(f.assignPublicIp, () => eq(f.launchType, "FARGATE")),
    message: (d, f) => ({
      problem: `${d.name("assignPublicIp")} is true, but launch type ${d.value(f.launchType)} cannot assign public IPs to task network interfaces`,
      allowed: `${d.name("assignPublicIp")} true only with "FARGATE"`,
      fix: `set ${d.name("assignPublicIp")} to false and reach the internet through a NAT gateway`,
    }),
  },
  {
    id: "SD026",
    title: `Desired count is an integer from 0 to ${MAX_INSTANCES_PER_SERVICE}`,
    severity: "error",
    subject: "desiredCount",
    holds: (f) => integerInRange(f.desiredCount, 0, MAX_INSTANCES_PER_SERVICE),
    message: (d, f) => ({
      problem: `${d.name("desiredCount")} is ${d.value(f.desiredCount)}, but a Cloud Map service holds at most ${MAX_INSTANCES_PER_SERVICE} instances (one per task)`,
      allowed: `an integer from 0 to ${MAX_INSTANCES_PER_SERVICE}`,
      fix: `lower ${d.name("desiredCount")}, or split the tasks across several discoverable services`,
    }),
  },
  {
    id: "SD027",
    title: "No Classic Load Balancer (ALB/NLB target groups are fine)",
    severity: "error",
    subject: "loadBalancers",
    holds: (f) => !isKnown(f.loadBalancers) || f.loadBalancers.every((lb) => lb.elbName === undefined),
    message: (d, f) => ({
      problem: `${d.name("loadBalancers")} names the Classic Load Balancer ${d.value(f.loadBalancers.find((lb) => lb.elbName !== undefined)?.elbName)}, which ECS cannot combine with service discovery`,
      allowed: "ALB or NLB target groups (targetGroupArn), together with the service registry",
      fix: "replace elbName with the targetGroupArn of an ALB/NLB target group",
    }),
  },
  {
    id: "SD028",
    title: "awsvpc/host port mappings keep hostPort equal to containerPort",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) =>
      f.containers === undefined ||
      !isKnown(f.networkMode) ||
      // bridge may remap ports; other modes than awsvpc/host are SD010's to report
      !["awsvpc", "host"].includes(f.networkMode) ||
      f.containers.every((c) => (c.portMappings ?? []).every((p) => p.hostPort === undefined || p.hostPort === p.containerPort)),
    message: (d, f) => {
      const bad = (f.containers ?? []).flatMap((c) =>
        (c.portMappings ?? []).filter((p) => p.hostPort !== undefined && p.hostPort !== p.containerPort).map((p) => `${c.name} ${p.containerPort}->${p.hostPort}`),
      );
      return {
        problem: `${d.name("taskDefinition")} maps ${bad.join(", ")}, but in network mode ${d.value(f.networkMode)} the host port must equal the container port`,
        allowed: "hostPort omitted or equal to containerPort (dynamic host ports need bridge mode)",
        fix: "remove hostPort from those port mappings, or use network mode \"bridge\" for dynamic host ports",
      };
    },
  },
  {
    id: "SD029",
    title: "EC2 containers have memory when the task has none",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) =>
      f.containers === undefined ||
      f.launchType !== "EC2" ||
      f.taskMemory !== undefined ||
      f.containers.every((c) => c.memory !== undefined),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} has no task memory and container(s) ${quoted((f.containers ?? []).filter((c) => c.memory === undefined).map((c) => c.name))} have no memory; ECS rejects such an EC2 task definition`,
      allowed: "task-level memory, or memory on every container",
      fix: "set memory on the task definition or on each container (MiB)",
    }),
  },
  {
    id: "SD030",
    title: "An essential container has a health check (warning)",
    severity: "warning",
    subject: "taskDefinition",
    holds: (f) =>
      f.containers === undefined ||
      f.containers.some((c) => c.essential !== false && c.healthCheck !== undefined),
    message: (d) => ({
      problem: `${d.name("taskDefinition")} has no container health check on any essential container: without a load balancer nothing else detects a hung task, and its IP stays in DNS`,
      allowed: "a healthCheck on the essential container that serves traffic",
      fix: "add healthCheck: { command: [\"CMD-SHELL\", \"<probe> || exit 1\"] }; ECS then replaces failing tasks and removes them from Cloud Map",
    }),
  },
];

/**
 * Rules about the DNS registration of an ECS service (`service_registries` and its record
 * type): they apply only when the service has `discovery`.
 */
export const DNS_REGISTRATION_RULE_IDS: ReadonlySet<string> = new Set([
  "SD013", "SD014", "SD015", "SD016", "SD017", "SD018", "SD019", "SD020", "SD021", "SD022",
]);

// ---------------------------------------------------------------------------------------------
// Namespaces: HTTP namespaces and imports by ARN
// ---------------------------------------------------------------------------------------------

export const HTTP_NAMESPACE_RULES: readonly Rule<HttpNamespaceFacts>[] = [
  {
    id: "SD031",
    title: "HTTP namespace name is 1-1024 printable characters without spaces, not starting with `arn:`",
    severity: "error",
    subject: "namespaceName",
    holds: (f) =>
      and(
        stringLengthInRange(f.namespaceName, 1, NAMESPACE_NAME_MAX_LENGTH),
        matches(f.namespaceName, HTTP_NAMESPACE_NAME_PATTERN),
        not(matches(f.namespaceName, "^arn:")),
      ),
    message: (d, f) => ({
      problem: `${d.name("namespaceName")} is ${d.value(f.namespaceName)}, which Cloud Map refuses as an HTTP namespace name`,
      allowed: "1-1024 printable ASCII characters without spaces, not starting with \"arn:\", such as \"internal\" or \"payments.prod\"",
      fix: `rename ${d.name("namespaceName")}; Service Connect services join the namespace by this name or its ARN`,
    }),
  },
];

export const NAMESPACE_ARN_RULES: readonly Rule<NamespaceArnFacts>[] = [
  {
    id: "SD032",
    title: "A namespace ARN is a Cloud Map namespace ARN",
    severity: "error",
    subject: "namespaceArn",
    holds: (f) => matches(f.namespaceArn, NAMESPACE_ARN_PATTERN),
    message: (d, f) => ({
      problem: `${d.name("namespaceArn")} is ${d.value(f.namespaceArn)}, which is not the ARN of a Cloud Map namespace`,
      allowed: "an ARN such as \"arn:aws:servicediscovery:us-east-1:123456789012:namespace/ns-abcdefgh12345678\"",
      fix: `copy the namespace ARN from \`aws servicediscovery get-namespace --id ns-...\` (or the AWS RAM share of a shared namespace) into ${d.name("namespaceArn")}`,
    }),
  },
];

/** Checks of the namespace a DNS discovery service registers in. */
export const DISCOVERY_NAMESPACE_RULES: readonly Rule<DiscoveryNamespaceFacts>[] = [
  {
    id: "SD033",
    title: "DNS records need a private DNS namespace (an HTTP namespace has no DNS)",
    severity: "error",
    subject: "namespaceName",
    holds: (f) => f.namespaceType !== "HTTP",
    message: (d, f) => ({
      problem: `${d.name("namespaceName")} is the HTTP namespace ${d.value(f.namespaceName)}, which has no DNS zone: Cloud Map refuses DNS records there, so nothing could resolve the name`,
      allowed: "a private DNS namespace (PrivateDnsNamespace) for DNS discovery; HTTP namespaces only for Service Connect",
      fix: `register the DNS records in a PrivateDnsNamespace, or drop DNS discovery and publish the service with serviceConnect in the HTTP namespace`,
    }),
  },
  {
    id: "SD034",
    title: "DNS discovery needs the namespace's name and type (not a namespace imported by ARN alone)",
    severity: "error",
    subject: "namespaceName",
    holds: (f) => !f.importedByArn,
    message: (d, f) => ({
      problem: `${d.name("namespaceName")} was imported by its ARN ${d.value(f.namespaceName)} alone, so its DNS name and its type are unknown: clients could not be told "<name>.<namespace>", and it may be an HTTP namespace without DNS`,
      allowed: "a namespace whose name and type are known: PrivateDnsNamespace, or PrivateDnsNamespace.fromNamespaceAttributes",
      fix: "import it with PrivateDnsNamespace.fromNamespaceAttributes({ namespaceId, namespaceName, namespaceArn }), or use the ARN-only import for serviceConnect only",
    }),
  },
];

// ---------------------------------------------------------------------------------------------
// Service Connect on an ECS service, and the task definition it needs
// ---------------------------------------------------------------------------------------------

/** Every port mapping of the containers, with its container. */
const portMappingsOf = (containers: readonly ContainerSpec[] | undefined) =>
  (containers ?? []).flatMap((c) => (c.portMappings ?? []).map((p) => ({ container: c.name, ...p })));
const describePort = (p: { container: string; containerPort: number; name?: string | undefined }) =>
  `${p.container}:${p.containerPort}${p.name !== undefined ? ` (${JSON.stringify(p.name)})` : ""}`;
const containerMemory = (containers: readonly ContainerSpec[]) =>
  containers.reduce((sum, c) => sum + (c.memory ?? 0), 0);
/** Task memory and the containers' limits are all known numbers (task definitions created here). */
const memoryKnown = (f: ServiceConnectFacts): f is ServiceConnectFacts & { containers: readonly ContainerSpec[]; taskMemory: number } =>
  f.containers !== undefined && isKnown(f.containers) && f.taskMemory !== undefined && isKnown(f.taskMemory) &&
  f.containers.every((c) => c.memory === undefined || isKnown(c.memory));

export const SERVICE_CONNECT_RULES: readonly Rule<ServiceConnectFacts>[] = [
  {
    id: "SD035",
    title: "An ECS service is published by DNS discovery, Service Connect, or both",
    severity: "error",
    subject: "discovery",
    holds: (f) => or(f.dnsDiscoveryGiven, f.serviceConnectGiven),
    message: (d) => ({
      problem: `neither ${d.name("discovery")} nor ${d.name("serviceConnect")} is set, so nothing publishes this service: no DNS records and no Service Connect endpoint`,
      allowed: `${d.name("discovery")} (DNS records every client in the VPC resolves), ${d.name("serviceConnect")} (endpoints for Service Connect tasks), or both while clients move`,
      fix: `set ${d.name("discovery")}: { namespace }, or ${d.name("serviceConnect")}: { services: [{ portName }] }; a plain ECS service without either needs no DiscoverableEcsService`,
    }),
  },
  {
    id: "SD036",
    title: "Service Connect runs in awsvpc or bridge tasks (not host)",
    severity: "error",
    subject: "networkMode",
    holds: (f) => implies(f.serviceConnectGiven, () => not(eq(f.networkMode, "host"))),
    message: (d, f) => ({
      problem: `${d.name("networkMode")} is ${d.value(f.networkMode)}, but ECS adds the Service Connect proxy only to tasks in network mode "awsvpc" or "bridge"`,
      allowed: `${d.name("serviceConnect")} with "awsvpc" or "bridge"; host-mode tasks use DNS discovery (SRV records) only`,
      fix: `switch the task definition to "awsvpc" (or "bridge" on EC2), or remove ${d.name("serviceConnect")}: DNS discovery (SRV records) works in host mode`,
    }),
  },
  {
    id: "SD037",
    title: "Service Connect needs a namespace",
    severity: "error",
    subject: "serviceConnectNamespace",
    holds: (f) => implies(f.serviceConnectGiven, () => f.namespaceGiven),
    message: (d) => ({
      problem: `${d.name("serviceConnectNamespace")} is not set and there is no ${d.name("discovery")} namespace to default to, but a Service Connect service joins exactly one Cloud Map namespace`,
      allowed: "any Cloud Map namespace of the Region: an HttpNamespace (what the ECS console creates), a PrivateDnsNamespace, or one imported with Namespace.fromNamespaceArn",
      fix: `set ${d.name("serviceConnectNamespace")}, e.g. new HttpNamespace(this, "ns", { name: "internal" }); for the cluster's default namespace pass Namespace.fromNamespaceArn(this, "default-ns", "<its ARN>")`,
    }),
  },
  {
    id: "SD038",
    title: "Service Connect proxy log driver is one ECS supports",
    severity: "error",
    subject: "serviceConnectLogDriver",
    holds: (f) => implies(isSet(f.logDriver), () => oneOf(f.logDriver, LOG_DRIVERS)),
    message: (d, f) => ({
      problem: `${d.name("serviceConnectLogDriver")} is ${d.value(f.logDriver)}, which ECS cannot use for the Service Connect proxy's logs`,
      allowed: quoted(LOG_DRIVERS),
      fix: `use "awslogs" with options awslogs-group, awslogs-region and awslogs-stream-prefix (the proxy's access and error logs go to CloudWatch Logs)`,
    }),
  },
  {
    id: "SD039",
    title: "Service Connect needs task-level memory",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) => f.containers === undefined || f.serviceConnectGiven !== true || f.taskMemory !== undefined,
    message: (d) => ({
      problem: `${d.name("taskDefinition")} sets no task memory, but ECS runs the Service Connect proxy from the task's memory and refuses task definitions that set memory only per container`,
      allowed: "a task-level memory (MiB) above the sum of the containers' memory limits",
      fix: `set memory on ${d.name("taskDefinition")} (e.g. 512), leaving at least ${SERVICE_CONNECT_PROXY_MEMORY} MiB beyond the containers' limits for the proxy`,
    }),
  },
  {
    id: "SD040",
    title: "With Service Connect, task memory is above the sum of container memory limits",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) => f.serviceConnectGiven !== true || !memoryKnown(f) || containerMemory(f.containers) === 0 || f.taskMemory > containerMemory(f.containers),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} has task memory ${d.value(f.taskMemory)} MiB and container memory limits adding up to ${containerMemory(f.containers ?? [])} MiB, which leaves nothing to the Service Connect proxy (ECS requires the task memory to exceed the containers' limits)`,
      allowed: "task memory greater than the sum of the containers' memory limits",
      fix: `raise the task memory or lower the container limits, leaving at least ${SERVICE_CONNECT_PROXY_MEMORY} MiB for the proxy`,
    }),
  },
  {
    id: "SD041",
    title: `Service Connect proxy gets at least ${SERVICE_CONNECT_PROXY_MEMORY} MiB beyond the container limits (warning)`,
    severity: "warning",
    subject: "taskDefinition",
    holds: (f) =>
      f.serviceConnectGiven !== true || !memoryKnown(f) || containerMemory(f.containers) === 0 ||
      f.taskMemory <= containerMemory(f.containers) || // SD040 reports it
      f.taskMemory - containerMemory(f.containers) >= SERVICE_CONNECT_PROXY_MEMORY,
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} leaves ${(f.taskMemory ?? 0) - containerMemory(f.containers ?? [])} MiB of its ${d.value(f.taskMemory)} MiB to the Service Connect proxy, less than the ${SERVICE_CONNECT_PROXY_MEMORY} MiB AWS recommends`,
      allowed: `task memory at least ${SERVICE_CONNECT_PROXY_MEMORY} MiB above the containers' limits (AWS also recommends 256 more CPU units)`,
      fix: "raise the task memory, or lower a container's memory limit",
    }),
  },
  {
    id: "SD042",
    title: "Port mapping names are 1-64 lowercase letters, digits, `_` and `-`, not starting with `-`",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) => portMappingsOf(f.containers).every((p) => p.name === undefined || !isKnown(p.name) || new RegExp(PORT_NAME_PATTERN).test(p.name)),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} names port mapping(s) ${portMappingsOf(f.containers).filter((p) => p.name !== undefined && !new RegExp(PORT_NAME_PATTERN).test(p.name)).map(describePort).join(", ")}, which ECS refuses as port names`,
      allowed: "1-64 lowercase letters, digits, \"_\" and \"-\", not starting with \"-\", such as \"http\" or \"grpc-api\"",
      fix: "rename those port mappings; Service Connect services pick a port by this name (portName)",
    }),
  },
  {
    id: "SD043",
    title: "appProtocol is http, http2 or grpc",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) => portMappingsOf(f.containers).every((p) => p.appProtocol === undefined || !isKnown(p.appProtocol) || (APP_PROTOCOLS as readonly string[]).includes(p.appProtocol)),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} gives port mapping(s) ${portMappingsOf(f.containers).filter((p) => p.appProtocol !== undefined && !(APP_PROTOCOLS as readonly string[]).includes(p.appProtocol)).map((p) => `${describePort(p)} appProtocol ${JSON.stringify(p.appProtocol)}`).join(", ")}, which ECS does not know`,
      allowed: `${quoted(APP_PROTOCOLS)}, or no appProtocol (plain TCP)`,
      fix: "use \"http\", \"http2\" or \"grpc\" for request-level handling and metrics, or remove appProtocol for other TCP protocols",
    }),
  },
  {
    id: "SD044",
    title: "appProtocol needs a port mapping name",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) => portMappingsOf(f.containers).every((p) => p.appProtocol === undefined || p.name !== undefined),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} gives port mapping(s) ${portMappingsOf(f.containers).filter((p) => p.appProtocol !== undefined && p.name === undefined).map(describePort).join(", ")} an appProtocol but no name; only Service Connect reads appProtocol, and it finds ports by name`,
      allowed: "appProtocol together with name on the same port mapping",
      fix: "add name to those port mappings (e.g. name: \"http\"), or remove appProtocol",
    }),
  },
  {
    id: "SD045",
    title: "Port names and appProtocol only in awsvpc or bridge task definitions",
    severity: "error",
    subject: "taskDefinition",
    holds: (f) =>
      !isKnown(f.networkMode) || !["host", "none"].includes(f.networkMode) ||
      portMappingsOf(f.containers).every((p) => p.name === undefined && p.appProtocol === undefined),
    message: (d, f) => ({
      problem: `${d.name("taskDefinition")} names port mapping(s) ${portMappingsOf(f.containers).filter((p) => p.name !== undefined || p.appProtocol !== undefined).map(describePort).join(", ")}, but in network mode ${d.value(f.networkMode)} there is no Service Connect to use port names or appProtocol`,
      allowed: "name and appProtocol with network mode \"awsvpc\" or \"bridge\"",
      fix: "remove name and appProtocol from the port mappings, or use network mode \"awsvpc\"",
    }),
  },
  {
    id: "SD046",
    title: "Port mapping names are unique in the task definition (warning)",
    severity: "warning",
    subject: "taskDefinition",
    holds: (f) => {
      const names = portMappingsOf(f.containers).map((p) => p.name).filter((n): n is string => n !== undefined && isKnown(n));
      return new Set(names).size === names.length;
    },
    message: (d, f) => {
      const names = portMappingsOf(f.containers).map((p) => p.name).filter((n): n is string => n !== undefined);
      const repeated = [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
      return {
        problem: `${d.name("taskDefinition")} names several port mappings ${quoted(repeated)}: a Service Connect service picks one port by name, so which one it publishes is ambiguous`,
        allowed: "one port mapping per name",
        fix: "give each port mapping its own name, e.g. \"http\" and \"admin\"",
      };
    },
  },
];

const mappingNamed = (f: ServiceConnectServiceFacts) => portMappingsOf(f.containers).find((p) => p.name === f.portName);
const namedPorts = (f: ServiceConnectServiceFacts) =>
  portMappingsOf(f.containers).map((p) => p.name).filter((n): n is string => n !== undefined);

/** Checks of one entry of `serviceConnect.services` (field names carry the entry's index). */
export const SERVICE_CONNECT_SERVICE_RULES: readonly Rule<ServiceConnectServiceFacts>[] = [
  {
    id: "SD047",
    title: "A Service Connect service's portName is a named port mapping of the task definition",
    severity: "error",
    subject: "portName",
    holds: (f) => f.containers === undefined || !isKnown(f.portName) || mappingNamed(f) !== undefined,
    message: (d, f) => ({
      problem: `${d.name("portName")} is ${d.value(f.portName)}, but no port mapping of ${d.name("taskDefinition")} has that name (ECS refuses the service at deploy)`,
      allowed: namedPorts(f).length > 0 ? `a port mapping name of the task definition: ${quoted(namedPorts(f))}` : "the name of a port mapping of the task definition; it names none",
      fix: `set ${d.name("portName")} to a port mapping's name, or add name: ${d.value(f.portName)} to the port mapping of the container port that serves the traffic`,
    }),
  },
  {
    id: "SD048",
    title: "Service Connect discovery name is 1-64 lowercase letters, digits, `_` and `-`, not starting with `-`",
    severity: "error",
    subject: "serviceConnectDiscoveryName",
    holds: (f) => matches(f.discoveryName, SERVICE_CONNECT_DISCOVERY_NAME_PATTERN),
    message: (d, f) => ({
      problem: `${d.name("serviceConnectDiscoveryName")} is ${d.value(f.discoveryName)} (it defaults to ${d.name("portName")}), which ECS refuses as the name of the Cloud Map service it creates for this endpoint`,
      allowed: "1-64 lowercase letters, digits, \"_\" and \"-\", not starting with \"-\"",
      fix: `set ${d.name("serviceConnectDiscoveryName")} to a name such as "orders-sc"`,
    }),
  },
  {
    id: "SD049",
    title: "Service Connect discovery names are unique in the namespace, DNS discovery names included",
    severity: "error",
    subject: "serviceConnectDiscoveryName",
    holds: (f) =>
      and(
        f.duplicateDiscoveryOf === undefined,
        f.sameNamespaceDnsName === undefined ? true : implies(f.sameNamespace ?? true, () => not(eq(f.discoveryName, f.sameNamespaceDnsName))),
        f.earlierDiscoveryNames === undefined ? true : not(listContains(f.earlierDiscoveryNames, f.discoveryName)),
      ),
    message: (d, f) => {
      const earlier = `the same as an earlier entry of ${d.name("serviceConnectServices")}`;
      const clash =
        f.duplicateDiscoveryOf !== undefined
          ? `which ${f.duplicateDiscoveryOf.path} already uses ${f.duplicateDiscoveryOf.kind === "dns" ? "as a DNS discovery name" : "as a Service Connect discovery name"} in the same namespace`
          : f.sameNamespaceDnsName === undefined
            ? earlier
            : when(and(f.sameNamespace ?? true, eq(f.discoveryName, f.sameNamespaceDnsName)), `the same as ${d.name("discoveryName")} in the same namespace`, earlier);
      return {
        problem: `${d.name("serviceConnectDiscoveryName")} is ${d.value(f.discoveryName)} (it defaults to ${d.name("portName")}), ${clash}; both would create a Cloud Map service of that name and AWS refuses the second`,
        allowed: "one Cloud Map service per name and namespace: Service Connect discovery names differ from each other and from DNS discovery names",
        fix: `set ${d.name("serviceConnectDiscoveryName")} to another name (Copilot appends "-sc"); clients keep calling the client alias, which may stay the same`,
      };
    },
  },
  {
    id: "SD050",
    title: "A Service Connect service has exactly one client alias",
    severity: "error",
    subject: "clientAliases",
    holds: (f) => eq(f.clientAliasCount, 1),
    message: (d, f) => ({
      problem:
        f.containers === undefined
          ? `${d.name("clientAliases")} gives ${d.value(f.clientAliasCount)} client aliases, but ECS takes exactly one per Service Connect service, and with a task definition not known here there is no port to default it to`
          : `${d.name("clientAliases")} gives ${d.value(f.clientAliasCount)} client aliases, but ECS takes exactly one per Service Connect service ("clientAliases must have 1 element")`,
      allowed: "one client alias { port, dnsName? }; omitted, it defaults to the container port of the named port mapping (task definitions created here)",
      fix: `set ${d.name("clientAliases")} to [{ port: <port clients call>, dnsName: "<name clients call>" }]; to publish another name or port, add another Service Connect service with its own discoveryName`,
    }),
  },
  {
    id: "SD051",
    title: `Client alias port is an integer from ${MIN_PORT} to ${MAX_PORT}`,
    severity: "error",
    subject: "clientAliasPort",
    holds: (f) => implies(isSet(f.clientAliasPort), () => integerInRange(f.clientAliasPort as number, MIN_PORT, MAX_PORT)),
    message: (d, f) => ({
      problem: `${d.name("clientAliasPort")} is ${d.value(f.clientAliasPort)}, which is not a TCP port`,
      allowed: `an integer from ${MIN_PORT} to ${MAX_PORT}: the port client tasks call, on their own Service Connect proxy`,
      fix: `set ${d.name("clientAliasPort")} to the port clients already use (e.g. 80), so their code does not change`,
    }),
  },
  {
    id: "SD052",
    title: "Client alias DNS name is up to 127 lowercase letters, digits, `_`, `-` and `.`, not starting with `-`",
    severity: "error",
    subject: "clientAliasDnsName",
    holds: (f) => implies(isSet(f.clientAliasDnsName), () => matches(f.clientAliasDnsName ?? "", CLIENT_ALIAS_DNS_NAME_PATTERN)),
    message: (d, f) => ({
      problem: `${d.name("clientAliasDnsName")} is ${d.value(f.clientAliasDnsName)}, which ECS refuses as a client alias name`,
      allowed: "1-127 lowercase letters, digits, \"_\", \"-\" and \".\", not starting with \"-\", such as \"orders\" or \"orders.internal\"",
      fix: `set ${d.name("clientAliasDnsName")} to the host name clients call, in lowercase`,
    }),
  },
  {
    id: "SD053",
    title: "Client aliases (DNS name and port) are unique in the namespace",
    severity: "error",
    subject: "clientAliasDnsName",
    holds: (f) =>
      and(
        f.duplicateAliasOf === undefined,
        f.earlierClientAliasKeys === undefined || f.clientAliasKey === undefined
          ? true
          : implies(isSet(f.clientAliasDnsName), () => not(listContains(f.earlierClientAliasKeys ?? [], f.clientAliasKey))),
      ),
    message: (d, f) => ({
      problem: `${d.name("clientAliasDnsName")}:${d.name("clientAliasPort")} is ${d.value(f.clientAliasDnsName)}:${d.value(f.clientAliasPort)}, ${f.duplicateAliasOf !== undefined ? `which ${f.duplicateAliasOf} already publishes in the same namespace` : `the same as an earlier entry of ${d.name("serviceConnectServices")}`}; client proxies could not tell the endpoints apart`,
      allowed: "one endpoint per client alias name and port in a namespace",
      fix: `give this endpoint another ${d.name("clientAliasDnsName")} or ${d.name("clientAliasPort")}`,
    }),
  },
  {
    id: "SD054",
    title: `Ingress port override is an integer from ${MIN_INGRESS_PORT_OVERRIDE} to ${MAX_PORT}`,
    severity: "error",
    subject: "ingressPortOverride",
    holds: (f) => implies(isSet(f.ingressPortOverride), () => integerInRange(f.ingressPortOverride as number, MIN_INGRESS_PORT_OVERRIDE, MAX_PORT)),
    message: (d, f) => ({
      problem: `${d.name("ingressPortOverride")} is ${d.value(f.ingressPortOverride)}, but ECS refuses proxy ingress ports of 1024 or less ("IngressPortOverride cannot use ports <= 1024") and above ${MAX_PORT}`,
      allowed: `an integer from ${MIN_INGRESS_PORT_OVERRIDE} to ${MAX_PORT}, or no override (the proxy listens on the container port in awsvpc mode)`,
      fix: `remove ${d.name("ingressPortOverride")}, or pick a port from ${MIN_INGRESS_PORT_OVERRIDE} up and allow it in the tasks' security group`,
    }),
  },
  {
    id: "SD055",
    title: `Idle timeout is an integer from 0 to ${MAX_TIMEOUT_SECONDS} seconds`,
    severity: "error",
    subject: "idleTimeoutSeconds",
    holds: (f) => implies(isSet(f.idleTimeoutSeconds), () => integerInRange(f.idleTimeoutSeconds as number, 0, MAX_TIMEOUT_SECONDS)),
    message: (d, f) => ({
      problem: `${d.name("idleTimeoutSeconds")} is ${d.value(f.idleTimeoutSeconds)}, which is not a whole number of seconds ECS accepts`,
      allowed: `an integer from 0 (no idle timeout) to ${MAX_TIMEOUT_SECONDS}; ECS defaults to 300 for http/http2/grpc ports and 3600 for TCP`,
      fix: `set ${d.name("idleTimeoutSeconds")} to whole seconds, or remove it for the default`,
    }),
  },
  {
    id: "SD056",
    title: `Per-request timeout is an integer from 0 to ${MAX_TIMEOUT_SECONDS} seconds`,
    severity: "error",
    subject: "perRequestTimeoutSeconds",
    holds: (f) => implies(isSet(f.perRequestTimeoutSeconds), () => integerInRange(f.perRequestTimeoutSeconds as number, 0, MAX_TIMEOUT_SECONDS)),
    message: (d, f) => ({
      problem: `${d.name("perRequestTimeoutSeconds")} is ${d.value(f.perRequestTimeoutSeconds)}, which is not a whole number of seconds ECS accepts`,
      allowed: `an integer from 0 (no per-request timeout) to ${MAX_TIMEOUT_SECONDS}; ECS defaults to 15`,
      fix: `set ${d.name("perRequestTimeoutSeconds")} to whole seconds, or remove it for the default`,
    }),
  },
  {
    id: "SD057",
    title: "Service Connect timeouts only on a port whose appProtocol is http, http2 or grpc",
    severity: "error",
    subject: "perRequestTimeoutSeconds",
    // ECS refuses a per-request timeout on a TCP port, and hashicorp/aws (issue #38432) sends
    // per_request_timeout_seconds = 0 with every timeout block, so an idle timeout alone fails too.
    holds: (f) => {
      if ((f.perRequestTimeoutSeconds === undefined && f.idleTimeoutSeconds === undefined) || f.containers === undefined || !isKnown(f.portName)) return true;
      const mapping = mappingNamed(f);
      if (mapping === undefined) return true; // SD047 reports it
      return mapping.appProtocol !== undefined && (APP_PROTOCOLS as readonly string[]).includes(mapping.appProtocol);
    },
    message: (d, f) => ({
      problem: `${d.name("perRequestTimeoutSeconds")}/${d.name("idleTimeoutSeconds")} are ${d.value(f.perRequestTimeoutSeconds)}/${d.value(f.idleTimeoutSeconds)}, but port ${d.value(f.portName)} has ${mappingNamed(f)?.appProtocol === undefined ? "no appProtocol (plain TCP)" : `appProtocol ${JSON.stringify(mappingNamed(f)?.appProtocol)}`}: ECS refuses a per-request timeout on a TCP port ("Per request timeout 0 can't be set for tcp application"), and hashicorp/aws sends one with every timeout block`,
      allowed: `timeouts on ports whose appProtocol is "http", "http2" or "grpc"; TCP ports keep ECS's default idle timeout (3600 s)`,
      fix: `set appProtocol on the port mapping named ${d.value(f.portName)} (e.g. "http"), or remove the timeouts of this Service Connect service`,
    }),
  },
  {
    id: "SD058",
    title: "Service Connect TLS is issued by an AWS Private CA certificate authority (its ARN)",
    severity: "error",
    subject: "tlsAuthorityArn",
    holds: (f) => implies(f.tlsGiven, () => and(isSet(f.tlsAuthorityArn), matches(f.tlsAuthorityArn ?? "", PCA_AUTHORITY_ARN_PATTERN))),
    message: (d, f) => ({
      problem: `${d.name("tlsAuthorityArn")} is ${d.value(f.tlsAuthorityArn)}, which is not the ARN of an AWS Private CA certificate authority`,
      allowed: "an ARN such as \"arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555\" (tagged AmazonECSManaged: true)",
      fix: `set ${d.name("tlsAuthorityArn")} to the ARN of the Private CA that issues the endpoint's certificates (short-lived mode recommended)`,
    }),
  },
  {
    id: "SD059",
    title: "Service Connect TLS names the ECS infrastructure role (an IAM role ARN)",
    severity: "error",
    subject: "tlsRoleArn",
    holds: (f) => implies(f.tlsGiven, () => and(isSet(f.tlsRoleArn), matches(f.tlsRoleArn ?? "", IAM_ROLE_ARN_PATTERN))),
    message: (d, f) => ({
      problem: `${d.name("tlsRoleArn")} is ${d.value(f.tlsRoleArn)}, but ECS issues and rotates Service Connect certificates with the infrastructure IAM role, given by its ARN`,
      allowed: "an IAM role ARN such as \"arn:aws:iam::123456789012:role/ecsInfrastructureRole\"",
      fix: `set ${d.name("tlsRoleArn")} to the ARN of a role ECS can assume (trust ecs.amazonaws.com) with the AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity policy`,
    }),
  },
];

/** The whole catalogue, for docs and tests, in id order. */
export const ALL_RULES: readonly Rule<never>[] = [
  ...(PROP_TYPE_RULES as readonly Rule<never>[]),
  ...(NAMESPACE_RULES as readonly Rule<never>[]),
  ...(DISCOVERY_RULES as readonly Rule<never>[]),
  ...(SERVICE_RULES as readonly Rule<never>[]),
  ...(HTTP_NAMESPACE_RULES as readonly Rule<never>[]),
  ...(NAMESPACE_ARN_RULES as readonly Rule<never>[]),
  ...(DISCOVERY_NAMESPACE_RULES as readonly Rule<never>[]),
  ...(SERVICE_CONNECT_RULES as readonly Rule<never>[]),
  ...(SERVICE_CONNECT_SERVICE_RULES as readonly Rule<never>[]),
];
