/**
 * SD000: untyped input (JavaScript callers, JSON-driven configurations, `as any`) gets a rule
 * error naming the construct path and the prop, what is allowed and how to fix it, for every
 * construct, and never a TypeError. Tokens (the exported module's variables) pass.
 *
 * Three layers: a table per construct of props left out or mistyped, with the exact property the
 * message must name; a sweep that puts every kind of wrong value at every prop of valid inputs
 * and accepts only success or a rule error; and tokens at every prop.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformStack, TerraformVariable, Testing } from "cdktf";
import {
  DiscoverableEcsService,
  DiscoverableEcsServiceProps,
  DiscoveryService,
  INamespace,
  PrivateDnsNamespace,
  ServiceDiscoveryRuleError,
  TaskDefinition,
} from "../../src";
import { HEALTH_CHECK, awsvpcProps, bridgeProps, testNamespace, testStack } from "../support/constructs";

// ---------------------------------------------------------------------------------------------
// Builders: one per construct (and allowFrom), from props that may be anything
// ---------------------------------------------------------------------------------------------

interface Subject {
  readonly name: string;
  /** Construct path the messages must start with. */
  readonly path: string;
  /** Valid props (a namespace is passed in, since some props hold one). */
  readonly valid: (ns: INamespace) => unknown;
  readonly build: (stack: TerraformStack, props: any) => unknown;
}

const SPEC = {
  family: "api",
  networkMode: "awsvpc",
  cpu: 256,
  memory: 512,
  executionRoleArn: "arn:aws:iam::123456789012:role/exec",
  containers: [
    {
      name: "web",
      image: "nginx",
      essential: true,
      memory: 128,
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: "tcp" }],
      healthCheck: { ...HEALTH_CHECK, interval: 10, retries: 2 },
      environment: { LOG_LEVEL: "info" },
      command: ["nginx", "-g", "daemon off;"],
      logGroupName: "/ecs/web",
      logRegion: "us-east-1",
    },
  ],
};

const TARGET_GROUP = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/0123456789abcdef";

/** A service using every prop, so the sweep reaches every one. */
function fullServiceProps(ns: INamespace): DiscoverableEcsServiceProps {
  return awsvpcProps(ns, {
    desiredCount: 2,
    launchType: "FARGATE",
    taskDefinition: SPEC as never,
    discovery: { name: "api", dnsTtl: 60, routingPolicy: "MULTIVALUE", forceDestroy: true, description: "d" },
    network: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"], assignPublicIp: false },
    loadBalancers: [{ targetGroupArn: TARGET_GROUP, containerName: "web", containerPort: 80 }],
    healthCheckGracePeriodSeconds: 30,
    enableExecuteCommand: false,
    deploymentCircuitBreaker: true,
    tags: { Team: "platform" },
    instanceSecurityGroupIds: ["sg-2"],
  });
}

const SUBJECTS: Record<string, Subject> = {
  namespace: {
    name: "PrivateDnsNamespace",
    path: "test/subject",
    valid: () => ({ name: "svc", vpcId: "vpc-0123456789abcdef0", description: "d", tags: { Team: "platform" } }),
    build: (stack, props) => new PrivateDnsNamespace(stack, "subject", props),
  },
  imported: {
    name: "PrivateDnsNamespace.fromNamespaceAttributes",
    path: "test/subject",
    valid: () => ({ namespaceId: "ns-abcdefgh12345678", namespaceName: "svc", namespaceArn: "arn:aws:servicediscovery:us-east-1:1:namespace/ns-1" }),
    build: (stack, props) => PrivateDnsNamespace.fromNamespaceAttributes(stack, "subject", props),
  },
  discovery: {
    name: "DiscoveryService",
    path: "test/subject",
    valid: (ns) => ({ namespace: ns, name: "orders", dnsRecordType: "SRV", dnsTtl: 60, routingPolicy: "MULTIVALUE", forceDestroy: true, description: "d", tags: { Team: "platform" } }),
    build: (stack, props) => new DiscoveryService(stack, "subject", props),
  },
  taskDefinition: {
    name: "TaskDefinition",
    path: "test/subject",
    valid: () => ({ spec: SPEC, launchType: "FARGATE", tags: { Team: "platform" } }),
    build: (stack, props) => new TaskDefinition(stack, "subject", props),
  },
  service: {
    name: "DiscoverableEcsService",
    path: "test/subject",
    valid: (ns) => fullServiceProps(ns),
    build: (stack, props) => new DiscoverableEcsService(stack, "subject", props),
  },
  existingTaskDefinition: {
    name: "DiscoverableEcsService with an existing task definition",
    path: "test/subject",
    valid: (ns) =>
      bridgeProps(ns, {
        taskDefinition: { taskDefinitionArn: "arn:aws:ecs:us-east-1:123456789012:task-definition/orders:7", networkMode: "bridge" },
        discovery: { containerName: "web", containerPort: 80 },
      }),
    build: (stack, props) => new DiscoverableEcsService(stack, "subject", props),
  },
  allowFrom: {
    name: "DiscoverableEcsService.allowFrom",
    path: "test/server",
    valid: () => ({ client: { securityGroupIds: ["sg-client"] }, port: 8080 }),
    build: (stack, args) => {
      const ns = testNamespace(stack, "server-ns");
      const server = new DiscoverableEcsService(stack, "server", awsvpcProps(ns, { network: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-server"] } }));
      server.allowFrom(args.client, args.port);
      return server;
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Paths into props: read, replace, delete (class instances such as namespaces are kept as they are)
// ---------------------------------------------------------------------------------------------

type Step = string | number;
const DELETE = Symbol("delete");

function parsePath(path: string): Step[] {
  return [...path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

function isPlain(value: unknown): value is Record<string, unknown> | unknown[] {
  return Array.isArray(value) || (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype);
}

function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (isPlain(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, clone(v)])) as T;
  return value;
}

/** A copy of `props` with the value at `path` replaced (or deleted). */
function withValue(props: unknown, path: string, value: unknown): any {
  const copy = clone(props) as any;
  const steps = parsePath(path);
  let parent = copy;
  for (const step of steps.slice(0, -1)) parent = parent[step];
  const last = steps[steps.length - 1];
  if (value === DELETE) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Every path of plain objects and arrays inside `props` (not inside class instances). */
function pathsOf(value: unknown, prefix = ""): string[] {
  if (!isPlain(value)) return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [`${prefix}[${i}]`, v])
    : Object.entries(value).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]);
  return entries.flatMap(([p, v]) => [p, ...pathsOf(v, p)]);
}

/** Builds `subject` from `props` in a fresh stack: the error thrown, if any. */
function attempt(subject: Subject, props: (ns: INamespace) => unknown, synth = false): unknown {
  const stack = testStack();
  new AwsProvider(stack, "aws", { region: "us-east-1" }); // synth validates that resources have one
  const ns = testNamespace(stack);
  try {
    subject.build(stack, props(ns));
    if (synth) Testing.synth(stack, true);
    return undefined;
  } catch (e) {
    return e;
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Tables: required props left out, and props of the wrong type
// ---------------------------------------------------------------------------------------------

/** [subject, path, value (DELETE = left out), the property the message names, text it contains] */
type Case = readonly [keyof typeof SUBJECTS, string, unknown, string, string];

const CASES: readonly Case[] = [
  // PrivateDnsNamespace
  ["namespace", "name", DELETE, "name", "name is missing, but it is required"],
  ["namespace", "name", 42, "name", "name is 42 (a number), which is not a string"],
  ["namespace", "name", null, "name", "name is null"],
  ["namespace", "vpcId", ["vpc-1"], "vpcId", "vpcId is a list of 1 item, which is not a string"],
  ["namespace", "tags", ["a"], "tags", "which is not an object whose values are strings"],
  ["namespace", "tags.Team", 7, "tags.Team", "tags.Team is 7 (a number), which is not a string"],
  // fromNamespaceAttributes
  ["imported", "namespaceName", DELETE, "namespaceName", "namespaceName is missing"],
  ["imported", "namespaceName", { name: "svc" }, "namespaceName", "an object with keys name, which is not a string"],
  ["imported", "namespaceId", 12345678, "namespaceId", "namespaceId is 12345678 (a number), which is not a string"],
  // DiscoveryService
  ["discovery", "namespace", DELETE, "namespace", "namespace is missing"],
  ["discovery", "namespace", "ns-abcdefgh12345678", "namespace", "which is not a namespace (a PrivateDnsNamespace"],
  ["discovery", "namespace", { namespaceId: "ns-abcdefgh12345678" }, "namespace.namespaceName", "namespace.namespaceName is missing"],
  ["discovery", "name", DELETE, "name", "name is missing"],
  ["discovery", "dnsTtl", "60", "dnsTtl", 'write dnsTtl without quotes (60, not "60")'],
  ["discovery", "dnsTtl", NaN, "dnsTtl", "dnsTtl is NaN (not a finite number), which is not a number"],
  ["discovery", "dnsRecordType", ["SRV"], "dnsRecordType", "which is not a string"],
  ["discovery", "forceDestroy", "false", "forceDestroy", 'write forceDestroy without quotes (true, not "true")'],
  // TaskDefinition
  ["taskDefinition", "spec", DELETE, "spec", "spec is missing"],
  ["taskDefinition", "launchType", DELETE, "launchType", "launchType is missing"],
  ["taskDefinition", "spec.family", DELETE, "spec.family", "spec.family is missing"],
  ["taskDefinition", "spec.containers", { name: "web" }, "spec.containers", "which is not a list of objects with name, image"],
  ["taskDefinition", "spec.containers[0].image", DELETE, "spec.containers[0].image", "spec.containers[0].image is missing"],
  ["taskDefinition", "spec.cpu", "256", "spec.cpu", 'spec.cpu is "256" (a string), which is not a number'],
  ["taskDefinition", "spec.containers[0].portMappings[0].protocol", "http", "spec.containers[0].portMappings[0].protocol", 'which is not one of "tcp", "udp"'],
  ["taskDefinition", "spec.containers[0].environment.LOG_LEVEL", 3, "spec.containers[0].environment.LOG_LEVEL", "which is not a string"],
  ["taskDefinition", "spec.containers[0].healthCheck.command", "curl localhost", "spec.containers[0].healthCheck.command", "which is not a list of strings"],
  // DiscoverableEcsService
  ["service", "cluster", DELETE, "cluster", "cluster is missing"],
  ["service", "serviceName", DELETE, "serviceName", "serviceName is missing"],
  ["service", "serviceName", null, "serviceName", "serviceName is null, which is not a string"],
  ["service", "taskDefinition", DELETE, "taskDefinition", "taskDefinition is missing"],
  ["service", "taskDefinition", "arn:aws:ecs:us-east-1:123456789012:task-definition/api:7", "taskDefinition", "which is not a task definition spec"],
  ["service", "taskDefinition.networkMode", DELETE, "taskDefinition.networkMode", "taskDefinition.networkMode is missing"],
  ["service", "taskDefinition.containers", DELETE, "taskDefinition.containers", "taskDefinition.containers is missing"],
  ["service", "taskDefinition.containers[0].name", DELETE, "taskDefinition.containers[0].name", "taskDefinition.containers[0].name is missing"],
  ["service", "taskDefinition.containers[0].portMappings", { containerPort: 80 }, "taskDefinition.containers[0].portMappings", "which is not a list of objects with containerPort"],
  ["service", "taskDefinition.containers[0].portMappings[0].containerPort", DELETE, "taskDefinition.containers[0].portMappings[0].containerPort", "is missing"],
  ["service", "taskDefinition.containers[0].portMappings[0].containerPort", "80", "taskDefinition.containers[0].portMappings[0].containerPort", 'is "80" (a string), which is not a number'],
  ["service", "taskDefinition.containers[0].healthCheck.command", DELETE, "taskDefinition.containers[0].healthCheck.command", "is missing"],
  ["service", "taskDefinition.containers[0].healthCheck.interval", "30", "taskDefinition.containers[0].healthCheck.interval", "which is not a number"],
  ["service", "discovery", "service", "discovery", 'discovery is "service" (a string), which is not an object with namespace'],
  ["service", "discovery.namespace", DELETE, "discovery.namespace", "discovery.namespace is missing"],
  ["service", "discovery.namespace", null, "discovery.namespace", "discovery.namespace is null"],
  ["service", "discovery.namespace", { namespaceName: "svc" }, "discovery.namespace.namespaceId", "discovery.namespace.namespaceId is missing"],
  ["service", "discovery.dnsTtl", "300", "discovery.dnsTtl", 'discovery.dnsTtl is "300" (a string), which is not a number'],
  ["service", "discovery.containerPort", [80], "discovery.containerPort", "which is not a number"],
  ["service", "desiredCount", "2", "desiredCount", 'desiredCount is "2" (a string), which is not a number'],
  ["service", "desiredCount", NaN, "desiredCount", "desiredCount is NaN"],
  ["service", "desiredCount", Infinity, "desiredCount", "desiredCount is Infinity"],
  ["service", "network", ["subnet-1"], "network", "which is not an object with subnetIds"],
  ["service", "network.subnetIds", DELETE, "network.subnetIds", "network.subnetIds is missing"],
  ["service", "network.subnetIds", "subnet-1", "network.subnetIds", 'network.subnetIds is "subnet-1" (a string), which is not a list of strings'],
  ["service", "network.subnetIds", { a: "subnet-1" }, "network.subnetIds", "which is not a list of strings"],
  ["service", "network.subnetIds[0]", 1, "network.subnetIds[0]", "network.subnetIds[0] is 1 (a number), which is not a string"],
  ["service", "network.securityGroupIds", "sg-1", "network.securityGroupIds", "which is not a list of strings"],
  ["service", "network.assignPublicIp", "false", "network.assignPublicIp", "which is not true or false"],
  ["service", "network.vpcId", null, "network.vpcId", "leave network.vpcId out (or pass undefined) to get its default"],
  ["service", "loadBalancers", { targetGroupArn: TARGET_GROUP }, "loadBalancers", "which is not a list of"],
  ["service", "loadBalancers[0].containerPort", DELETE, "loadBalancers[0].containerPort", "loadBalancers[0].containerPort is missing"],
  ["service", "loadBalancers[0].targetGroupArn", DELETE, "loadBalancers[0].targetGroupArn", "loadBalancers[0].targetGroupArn is missing"],
  ["service", "loadBalancers[0]", "tg", "loadBalancers[0]", "which is not an ALB/NLB target group"],
  ["service", "tags", "Team=platform", "tags", "which is not an object whose values are strings"],
  ["service", "instanceSecurityGroupIds", "sg-2", "instanceSecurityGroupIds", "which is not a list of strings"],
  ["service", "enableExecuteCommand", 1, "enableExecuteCommand", "enableExecuteCommand is 1 (a number), which is not true or false"],
  ["service", "healthCheckGracePeriodSeconds", "30", "healthCheckGracePeriodSeconds", "which is not a number"],
  ["existingTaskDefinition", "taskDefinition.taskDefinitionArn", 7, "taskDefinition.taskDefinitionArn", "which is not a string"],
  ["existingTaskDefinition", "taskDefinition.networkMode", DELETE, "taskDefinition.networkMode", "taskDefinition.networkMode is missing"],
  // allowFrom
  ["allowFrom", "client", DELETE, "allowFrom(client)", "allowFrom(client) is missing"],
  ["allowFrom", "client", null, "allowFrom(client)", "allowFrom(client) is null, which is not a client with security groups"],
  ["allowFrom", "client", 42, "allowFrom(client)", "which is not a client with security groups"],
  ["allowFrom", "client", {}, "allowFrom(client)", "allowFrom(client) is an object without keys"],
  ["allowFrom", "client.securityGroupIds", "sg-client", "allowFrom(client).securityGroupIds", "which is not a list of strings"],
  ["allowFrom", "port", "8080", "allowFrom(port)", 'write allowFrom(port) without quotes'],
];

describe.each(Object.entries(SUBJECTS))("%s", (key, subject) => {
  const cases = CASES.filter(([s]) => s === key);

  it("builds from its valid props (the base every case changes once)", () => {
    expect(attempt(subject, (ns) => subject.valid(ns), true)).toBeUndefined();
  });

  it.each(cases.map(([, path, value, property, text]) => [path, value === DELETE ? "left out" : describeForTitle(value), value, property, text] as const))(
    "%s %s: SD000 naming the property",
    (path, _title, value, property, text) => {
      const err = attempt(subject, (ns) => withValue(subject.valid(ns), path, value));
      expect(err).toBeInstanceOf(ServiceDiscoveryRuleError);
      const { violations } = err as ServiceDiscoveryRuleError;
      expect(violations.map((v) => [v.ruleId, v.property])).toEqual([["SD000", property]]);
      const [{ message, path: constructPath }] = violations;
      expect(constructPath).toBe(subject.path);
      expect(message.startsWith(`${subject.path}: [SD000] ${property} is `)).toBe(true);
      expect(message).toMatch(/^[^\n]+\. Allowed: [^\n]+\. Fix: [^\n]+\.$/);
      expect(message).toContain(text);
    },
  );
});

function describeForTitle(value: unknown): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value) ?? String(value);
}

describe("props that are not an object at all", () => {
  it.each([[undefined], [null], ["props"], [[]]])("%p: SD000 on props, not a TypeError", (props) => {
    const err = attempt(SUBJECTS.service, () => props);
    expect(err).toBeInstanceOf(ServiceDiscoveryRuleError);
    expect((err as ServiceDiscoveryRuleError).violations.map((v) => [v.ruleId, v.property])).toEqual([["SD000", "props"]]);
  });

  it("reports every problem of one construct at once, after the violations recorded earlier in the app", () => {
    const stack = testStack();
    const ns = testNamespace(stack);
    new PrivateDnsNamespace(stack, "bad-name", { name: "my service!", vpcId: "vpc-1" }); // SD001, recorded
    let err: unknown;
    try {
      new DiscoverableEcsService(stack, "svc", { ...awsvpcProps(ns), cluster: undefined, desiredCount: "2", discovery: {} } as never);
    } catch (e) {
      err = e;
    }
    expect((err as ServiceDiscoveryRuleError).violations.map((v) => `${v.ruleId} ${v.path} ${v.property}`)).toEqual([
      "SD001 test/bad-name name",
      "SD000 test/svc cluster",
      "SD000 test/svc desiredCount",
      "SD000 test/svc discovery.namespace",
    ]);
  });
});

describe("a missing prop whose absence a catalogue rule explains keeps that rule's message", () => {
  it("PrivateDnsNamespace without vpcId: SD002 (a namespace is created in a VPC)", () => {
    const err = attempt(SUBJECTS.namespace, () => ({ name: "svc" }), true) as ServiceDiscoveryRuleError;
    expect(err.ruleIds).toEqual(["SD002"]);
  });

  it("fromNamespaceAttributes without namespaceId: SD003 (an existing namespace is reused by its id)", () => {
    const err = attempt(SUBJECTS.imported, () => ({ namespaceName: "svc" }), true) as ServiceDiscoveryRuleError;
    expect(err.ruleIds).toEqual(["SD003"]);
  });
});

// ---------------------------------------------------------------------------------------------
// 2. Sweep: every kind of wrong value at every prop gives success or a rule error, never a crash
// ---------------------------------------------------------------------------------------------

/**
 * allowFrom's own errors for well-typed arguments it cannot use (a client without security
 * groups): a plain Error, but readable: the construct path, what is wrong and the fix.
 */
function isUsageError(err: unknown, subject: Subject): boolean {
  return err instanceof Error && err.constructor === Error && err.message.startsWith(`${subject.path}: allowFrom(`) && err.message.includes("Fix: ");
}

const WRONG_VALUES: readonly unknown[] = [DELETE, undefined, null, NaN, -1, 0, "", "x", true, {}, [], [1], { resolve: 1 }];

describe.each(Object.entries(SUBJECTS))("%s: every wrong value at every prop", (_key, subject) => {
  const paths = pathsOf(subject.valid(testNamespace(testStack())));

  it(`is a rule error or a valid build (${paths.length} props x ${WRONG_VALUES.length} values), never another error`, () => {
    const crashes: string[] = [];
    for (const path of paths) {
      for (const value of WRONG_VALUES) {
        const err = attempt(subject, (ns) => withValue(subject.valid(ns), path, value), true);
        if (err !== undefined && !(err instanceof ServiceDiscoveryRuleError) && !isUsageError(err, subject)) {
          crashes.push(`${path} = ${describeForTitle(value)}: ${(err as Error)?.stack?.split("\n").slice(0, 3).join(" | ") ?? String(err)}`);
        }
      }
    }
    expect(crashes).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Tokens pass, at every level (the exported module passes its variables' tokens)
// ---------------------------------------------------------------------------------------------

describe("Terraform tokens", () => {
  function variables(stack: TerraformStack) {
    const v = (name: string, type: string) => new TerraformVariable(stack, name, { type });
    return {
      str: (name: string) => v(name, "string").stringValue,
      num: (name: string) => v(name, "number").numberValue,
      list: (name: string) => v(name, "list(string)").listValue,
      bool: (name: string) => v(name, "bool").booleanValue as unknown as boolean,
      any: (name: string, type: string) => v(name, type).value,
    };
  }

  it("pass for every prop of every construct: string, number, list, bool and map tokens", () => {
    const stack = testStack();
    const v = variables(stack);
    const ns = new PrivateDnsNamespace(stack, "ns", { name: v.str("ns_name"), vpcId: v.str("vpc"), tags: v.any("ns_tags", "map(string)") });
    PrivateDnsNamespace.fromNamespaceAttributes(stack, "imported", { namespaceId: v.str("ns_id"), namespaceName: v.str("ns_name2") });
    new DiscoveryService(stack, "discovery", { namespace: ns, name: v.str("d_name"), dnsTtl: v.num("d_ttl"), forceDestroy: v.bool("d_fd"), dnsRecordType: v.str("d_type") as never });
    new TaskDefinition(stack, "td", {
      spec: {
        family: v.str("family"),
        networkMode: v.str("mode") as never,
        cpu: v.num("cpu"),
        containers: [{ name: v.str("c_name"), image: v.str("image"), portMappings: [{ containerPort: v.num("port") }], command: v.list("cmd"), environment: v.any("env", "map(string)") }],
      },
      launchType: v.str("launch") as never,
    });
    const service = new DiscoverableEcsService(stack, "svc", {
      cluster: v.str("cluster"),
      serviceName: v.str("service"),
      desiredCount: v.num("count"),
      launchType: v.str("launch2") as never,
      // (allowFrom needs the network mode known at synth to pick the tasks' security groups)
      taskDefinition: { taskDefinitionArn: v.str("td_arn"), networkMode: "awsvpc" },
      discovery: { namespace: { namespaceId: v.str("ns3"), namespaceName: v.str("ns3_name") }, dnsTtl: v.num("ttl"), port: v.num("srv_port"), forceDestroy: v.bool("fd") },
      network: { subnetIds: v.list("subnets"), securityGroupIds: v.list("groups"), assignPublicIp: v.bool("public") },
      loadBalancers: v.any("lbs", "list(object({ target_group_arn = string, container_name = string, container_port = number }))") as never,
      tags: v.any("tags", "map(string)") as never,
    });
    service.allowFrom(v.str("client_group"), v.num("client_port"));
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const json = JSON.parse(Testing.synth(stack, true));
    expect(Object.keys(json.resource).sort()).toEqual([
      "aws_ecs_service",
      "aws_ecs_task_definition",
      "aws_service_discovery_private_dns_namespace",
      "aws_service_discovery_service",
      "aws_vpc_security_group_ingress_rule",
    ]);
    // The environment map token becomes a for expression inside jsonencode().
    expect(Object.values(json.resource.aws_ecs_task_definition as Record<string, any>)[0].container_definitions).toContain(
      "[ for key, val in var.env: { name = key, value = val }]",
    );
  });
});
