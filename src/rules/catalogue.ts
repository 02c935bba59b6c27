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
  DNS_LABEL_PATTERN,
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
  matches,
  not,
  oneOf,
  or,
  stringLengthInRange,
} from "../core/expr";
import { describeValue } from "../core/shape";
import { DiscoveryFacts, NamespaceFacts, PropTypeFacts, ServiceFacts } from "./facts";
import { Field } from "./fields";
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
      problem: `${d.name("discoveryName")} is ${d.value(f.discoveryName)}, which ${f.duplicateOf} already uses in the same namespace; both would claim the same DNS name`,
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

/** The whole catalogue, for docs and tests. */
export const ALL_RULES: readonly Rule<never>[] = [
  ...(PROP_TYPE_RULES as readonly Rule<never>[]),
  ...(NAMESPACE_RULES as readonly Rule<never>[]),
  ...(DISCOVERY_RULES as readonly Rule<never>[]),
  ...(SERVICE_RULES as readonly Rule<never>[]),
];
