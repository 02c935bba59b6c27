/**
 * Small fixtures for construct-level unit tests: an in-memory stack, valid props for each network
 * mode (so a test changes exactly one thing), and helpers to read the thrown rule error, the
 * warnings and the synthesized resources.
 */
import { App, TerraformStack, Testing } from "cdktf";
// Types of the matchers jest.setup.js installs (toHaveResourceWithProperties...).
import type {} from "cdktf/lib/testing/adapters/jest";
import { Construct, IConstruct } from "constructs";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  DiscoverableEcsServiceProps,
  DiscoveryOptions,
  ExistingTaskDefinition,
  HealthCheckSpec,
  INamespace,
  PrivateDnsNamespace,
  RuleViolation,
  ServiceDiscoveryRuleError,
  TaskDefinitionSpec,
} from "../../src";
import { violationsIn } from "../../src/rules/violations";

/**
 * Outdir of the apps unit tests make. Testing.synth keeps everything in memory, so nothing is
 * written here; giving it stops Testing.app from making a temp folder per app. The App creates
 * the folder itself but not its parents, and `.work` does not exist in a fresh clone.
 */
export const UNIT_APP_OUTDIR = join(resolve(__dirname, "../../.work"), "unit-app-outdir");

/** A fresh app for in-memory synth; `context` is its cdktf context. */
export function testApp(context: Record<string, unknown> = {}): App {
  mkdirSync(UNIT_APP_OUTDIR, { recursive: true });
  return Testing.app({ outdir: UNIT_APP_OUTDIR, context });
}

/** A fresh stack in a fresh app; `context` is the app's cdktf context. */
export function testStack(context: Record<string, unknown> = {}): TerraformStack {
  return new TerraformStack(testApp(context), "test");
}

/** A namespace created in `stack` at `test/ns` (name `svc`). */
export function testNamespace(stack: TerraformStack, id = "ns", name = "svc"): PrivateDnsNamespace {
  return new PrivateDnsNamespace(stack, id, { name, vpcId: "vpc-0123456789abcdef0" });
}

export const HEALTH_CHECK: HealthCheckSpec = { command: ["CMD-SHELL", "wget -q -O /dev/null http://localhost/ || exit 1"] };

/** Per-test changes to a valid props object; nested objects merge one level deep. */
/** Optional props, where `undefined` may be passed explicitly (as JavaScript callers do). */
type Loose<T> = { [K in keyof T]?: T[K] | undefined };

export interface PropsChanges extends Loose<Omit<DiscoverableEcsServiceProps, "discovery" | "taskDefinition">> {
  readonly discovery?: Partial<DiscoveryOptions>;
  /** Merged into the spec; an ExistingTaskDefinition (has taskDefinitionArn) replaces it. */
  readonly taskDefinition?: Partial<TaskDefinitionSpec> | ExistingTaskDefinition;
}

function withChanges(base: DiscoverableEcsServiceProps, changes: PropsChanges): DiscoverableEcsServiceProps {
  const { discovery, taskDefinition, ...rest } = changes;
  const td =
    taskDefinition && "taskDefinitionArn" in taskDefinition
      ? taskDefinition
      : { ...(base.taskDefinition as TaskDefinitionSpec), ...taskDefinition };
  // Explicit undefined values stay: they test how untyped callers' omissions are read.
  return { ...base, ...rest, discovery: { ...base.discovery, ...discovery }, taskDefinition: td } as DiscoverableEcsServiceProps;
}

/** Valid Fargate/awsvpc props: one container `web` mapping 80 with a health check, one subnet. */
export function awsvpcProps(namespace: INamespace, changes: PropsChanges = {}): DiscoverableEcsServiceProps {
  return withChanges(
    {
      cluster: "cluster-1",
      serviceName: "api",
      taskDefinition: {
        family: "api",
        networkMode: "awsvpc",
        containers: [{ name: "web", image: "nginx", portMappings: [{ containerPort: 80 }], healthCheck: HEALTH_CHECK }],
      },
      discovery: { namespace },
      network: { subnetIds: ["subnet-1"] },
    },
    changes,
  );
}

/** Valid EC2/bridge props: container `web` (128 MiB) mapping 80 to a dynamic host port. */
export function bridgeProps(namespace: INamespace, changes: PropsChanges = {}): DiscoverableEcsServiceProps {
  return withChanges(
    {
      cluster: "cluster-1",
      serviceName: "orders",
      launchType: "EC2",
      taskDefinition: {
        family: "orders",
        networkMode: "bridge",
        containers: [
          { name: "web", image: "nginx", memory: 128, portMappings: [{ containerPort: 80, hostPort: 0 }], healthCheck: HEALTH_CHECK },
        ],
      },
      discovery: { namespace },
    },
    changes,
  );
}

/** Valid EC2/host props: container `web` (64 MiB) mapping 8080. */
export function hostProps(namespace: INamespace, changes: PropsChanges = {}): DiscoverableEcsServiceProps {
  return withChanges(
    {
      cluster: "cluster-1",
      serviceName: "inventory",
      launchType: "EC2",
      taskDefinition: {
        family: "inventory",
        networkMode: "host",
        containers: [{ name: "web", image: "busybox", memory: 64, portMappings: [{ containerPort: 8080 }], healthCheck: HEALTH_CHECK }],
      },
      discovery: { namespace },
    },
    changes,
  );
}

/**
 * The violations recorded for `built` (reported under its path or below it). Constructs record
 * violations and build on; the app reports them all when it synthesizes.
 */
export function violationsOf(built: IConstruct): RuleViolation[] {
  const path = built.node.path;
  return violationsIn(built).filter((v) => v.path === path || v.path.startsWith(`${path}/`));
}

/** `built`, after asserting its input broke no rule: throws its violations as the app would. */
export function checked<T>(built: T): T {
  if (!Construct.isConstruct(built)) throw new Error("checked() takes the construct that was built");
  const violations = violationsOf(built);
  if (violations.length > 0) throw new ServiceDiscoveryRuleError(violations);
  return built;
}

/**
 * Runs `build`, whose input must break a rule, and returns the violations of what it built as
 * the error the app's synth throws (which is asserted too). An error thrown while building (an
 * input the construct cannot build from) is returned as it is.
 */
export function ruleErrorFrom(build: () => unknown): ServiceDiscoveryRuleError {
  let built: unknown;
  try {
    built = build();
  } catch (err) {
    if (err instanceof ServiceDiscoveryRuleError) return err;
    throw new Error(`expected a ServiceDiscoveryRuleError, got: ${String(err)}`);
  }
  if (!Construct.isConstruct(built)) throw new Error("ruleErrorFrom: build() must return the construct it built");
  const violations = violationsOf(built);
  if (violations.length === 0) throw new Error(`expected a rule violation from ${built.node.path}, but its input broke no rule`);
  expect(() => Testing.synth(TerraformStack.of(built))).toThrow(ServiceDiscoveryRuleError);
  return new ServiceDiscoveryRuleError(violations);
}

export interface ExpectedViolation {
  readonly ruleId: string;
  /** Construct path the message must start with (e.g. `test/svc`). */
  readonly path: string;
  /** The property as the user spelled it (e.g. `discovery.dnsRecordType`). */
  readonly property: string;
  /** Further text the message must contain (the value, the allowed values, the fix...). */
  readonly mentions?: readonly (string | RegExp)[];
}

/**
 * Asserts that `err` holds exactly one violation of the expected rule (when `alone`) or that the
 * rule is among them, and that its message has the shape users rely on:
 * `<path>: [SDxxx] <problem naming the property>. Allowed: <...>. Fix: <...>.`
 */
export function expectViolation(err: ServiceDiscoveryRuleError, expected: ExpectedViolation, alone = true): void {
  if (alone) expect(err.ruleIds).toEqual([expected.ruleId]);
  else expect(err.ruleIds).toContain(expected.ruleId);
  const violation = err.violations.find((v) => v.ruleId === expected.ruleId)!;
  expect(violation.path).toBe(expected.path);
  expect(violation.property).toBe(expected.property);
  const message = violation.message;
  expect(message.startsWith(`${expected.path}: [${expected.ruleId}] `)).toBe(true);
  expect(message).toMatch(/\. Allowed: .+\. Fix: .+\.$/s);
  // The problem part names the property the user wrote.
  expect(message.slice(0, message.indexOf(". Allowed: "))).toContain(expected.property);
  for (const m of expected.mentions ?? []) {
    if (typeof m === "string") expect(message).toContain(m);
    else expect(message).toMatch(m);
  }
  // The thrown error's own message carries it, so users see it without inspecting `violations`.
  expect(err.message).toContain(message);
}

/** Warning annotations of `scope` and everything below it. */
export function warningsOf(scope: IConstruct): string[] {
  return scope.node
    .findAll()
    .flatMap((c) => c.node.metadata)
    .filter((m) => m.type === "@cdktf/warn")
    .map((m) => String(m.data));
}

/** The stack synthesized to Terraform JSON (parsed), without cdktf metadata. */
export function synthJson(stack: TerraformStack): Record<string, any> {
  return JSON.parse(Testing.synth(stack));
}

/** All resources of `type` in synthesized JSON, as a list of bodies. */
export function resourcesOf(json: Record<string, any>, type: string): Record<string, any>[] {
  return Object.values(json.resource?.[type] ?? {});
}

/** The one resource of `type`; fails when there are none or several. */
export function onlyResource(json: Record<string, any>, type: string): Record<string, any> {
  const found = resourcesOf(json, type);
  if (found.length !== 1) throw new Error(`expected one ${type}, found ${found.length}`);
  return found[0];
}
