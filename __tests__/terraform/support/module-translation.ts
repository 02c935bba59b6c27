/**
 * The TypeScript path of the exported module: a module call's inputs translated to the props of
 * the constructs the module is generated from, and what those constructs say about them.
 *
 * The translation is a table with one entry per module variable (`TO_PROPS`); a test holds it to
 * `MODULE_VARIABLE_SPECS`, so a new variable cannot be forgotten. An absent input and an explicit
 * `null` both mean "not given": Terraform treats `null` as unset (nullable variables) or as the
 * default (`nullable = false`), and the constructs then apply their own defaults, so a default
 * that differs between the two paths shows up as a difference instead of being copied over.
 */
import { App, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import {
  DiscoverableEcsService,
  DiscoverableEcsServiceProps,
  INamespace,
  LoadBalancerTarget,
  Namespace,
  PrivateDnsNamespace,
  ServiceConnectOptions,
  ServiceDiscoveryRuleError,
} from "../../../src";
import { MODULE_NAMING_CONTEXT } from "../../../src/rules/enforce";
import { RuleViolation, violationsIn } from "../../../src/rules/violations";
import { withScratchApp } from "../../../tools/hcl-module/terraform-json";
import { warningsOf } from "../../support/constructs";

export type InputValue = null | string | number | boolean | InputValue[] | { [key: string]: InputValue };
/** A module call's arguments, by variable name. */
export type ModuleInputs = Readonly<Record<string, InputValue>>;

/** Everything the constructs need, filled from module inputs. */
interface PropsDraft {
  createNamespace: boolean;
  namespace: { name?: string; vpcId?: string; id?: string };
  service: Record<string, unknown>;
  taskDefinition: Record<string, unknown>;
  discovery: Record<string, unknown>;
  network: { subnetIds?: string[]; securityGroupIds?: string[]; assignPublicIp?: boolean };
  tags?: Record<string, string>;
  /** `service_connect` as given; translated in `buildConstructs` (it needs the scope and the namespace). */
  serviceConnect?: { [key: string]: InputValue };
}

type Translate = (value: NonNullable<InputValue>, draft: PropsDraft) => void;

/**
 * Where each module variable goes in the constructs' props. Adding a module variable means
 * adding its entry here (and its domain in `differential/domains.ts`).
 */
export const TO_PROPS: Readonly<Record<string, Translate>> = {
  namespace_name: (v, d) => void (d.namespace.name = v as string),
  create_namespace: (v, d) => void (d.createNamespace = v as boolean),
  vpc_id: (v, d) => void (d.namespace.vpcId = v as string),
  namespace_id: (v, d) => void (d.namespace.id = v as string),
  service_name: (v, d) => void (d.service.serviceName = v),
  discovery_name: (v, d) => void (d.discovery.name = v),
  cluster_arn: (v, d) => void (d.service.cluster = v),
  task_definition_arn: (v, d) => void (d.taskDefinition.taskDefinitionArn = v),
  network_mode: (v, d) => void (d.taskDefinition.networkMode = v),
  launch_type: (v, d) => void (d.service.launchType = v),
  desired_count: (v, d) => void (d.service.desiredCount = v),
  dns_record_type: (v, d) => void (d.discovery.dnsRecordType = v),
  dns_ttl: (v, d) => void (d.discovery.dnsTtl = v),
  routing_policy: (v, d) => void (d.discovery.routingPolicy = v),
  subnet_ids: (v, d) => void (d.network.subnetIds = v as string[]),
  security_group_ids: (v, d) => void (d.network.securityGroupIds = v as string[]),
  assign_public_ip: (v, d) => void (d.network.assignPublicIp = v as boolean),
  container_name: (v, d) => void (d.discovery.containerName = v),
  container_port: (v, d) => void (d.discovery.containerPort = v),
  srv_port: (v, d) => void (d.discovery.port = v),
  load_balancers: (v, d) =>
    void (d.service.loadBalancers = (v as Record<string, InputValue>[]).map(
      (lb): LoadBalancerTarget => ({
        targetGroupArn: lb.target_group_arn as string,
        containerName: lb.container_name as string,
        containerPort: lb.container_port as number,
      }),
    )),
  force_destroy: (v, d) => void (d.discovery.forceDestroy = v),
  tags: (v, d) => void (d.tags = v as Record<string, string>),
  service_connect: (v, d) => void (d.serviceConnect = v as { [key: string]: InputValue }),
};

function draftOf(inputs: ModuleInputs): PropsDraft {
  const draft: PropsDraft = { createNamespace: true, namespace: {}, service: {}, taskDefinition: {}, discovery: {}, network: {} };
  for (const [name, value] of Object.entries(inputs)) {
    const translate = TO_PROPS[name];
    if (!translate) throw new Error(`no translation to construct props for module variable ${name} (add it to TO_PROPS)`);
    if (value !== null) translate(value, draft);
  }
  return draft;
}

/**
 * A module caller cannot tell an unset network variable from one set to its default (`[]`,
 * `false`), so the constructs get `network` exactly when one of them holds something else.
 */
function networkOf(draft: PropsDraft): DiscoverableEcsServiceProps["network"] {
  const n = draft.network;
  const given = (n.subnetIds ?? []).length > 0 || (n.securityGroupIds ?? []).length > 0 || n.assignPublicIp === true;
  if (!given) return undefined;
  return { ...n, subnetIds: n.subnetIds ?? [] } as DiscoverableEcsServiceProps["network"];
}

/**
 * `service_connect` as the `serviceConnect` prop. The module's `optional()` attributes arrive as
 * null when left out, which the constructs read as "not given", as Terraform does. A namespace
 * given as an ARN is imported by ARN, one given by name stands for a namespace of that name.
 */
function serviceConnectOf(scope: Construct, sc: { [key: string]: InputValue } | undefined, dnsNamespace: INamespace): ServiceConnectOptions | undefined {
  if (sc === undefined) return undefined;
  const given = <T>(value: InputValue | undefined): T | undefined => (value === null || value === undefined ? undefined : (value as T));
  const object = (value: InputValue | undefined) => given<{ [key: string]: InputValue }>(value);
  const namespaceInput = given<string>(sc.namespace);
  const namespace: INamespace =
    namespaceInput === undefined
      ? dnsNamespace
      : namespaceInput.startsWith("arn:")
        ? Namespace.fromNamespaceArn(scope, "service-connect-namespace", namespaceInput)
        : { namespaceId: `name:${namespaceInput}`, namespaceName: namespaceInput };
  const tls = (t: { [key: string]: InputValue } | undefined) =>
    t && { awsPcaAuthorityArn: given(t.aws_pca_authority_arn), roleArn: given(t.role_arn), kmsKey: given(t.kms_key) };
  const log = object(sc.log_configuration);
  return {
    enabled: given(sc.enabled),
    namespace,
    services: (given<{ [key: string]: InputValue }[]>(sc.services) ?? []).map((s) => ({
      portName: given(s.port_name),
      discoveryName: given(s.discovery_name),
      clientAliases: (given<{ [key: string]: InputValue }[]>(s.client_aliases) ?? []).map((a) => ({ port: given(a.port), dnsName: given(a.dns_name) })),
      ingressPortOverride: given(s.ingress_port_override),
      idleTimeoutSeconds: given(s.idle_timeout_seconds),
      perRequestTimeoutSeconds: given(s.per_request_timeout_seconds),
      tls: tls(object(s.tls)),
    })),
    logConfiguration: log && { logDriver: given(log.log_driver), options: given(log.options) },
  } as unknown as ServiceConnectOptions;
}

/** What one module call becomes in TypeScript. */
export interface TranslatedConstructs {
  /** The namespace created here, or undefined when an existing one is reused. */
  readonly createdNamespace: PrivateDnsNamespace | undefined;
  readonly namespace: INamespace;
  readonly service: DiscoverableEcsService;
}

/**
 * Builds, in `scope`, the constructs a module call with `inputs` stands for: the namespace
 * (created, or the existing one by id) and the ECS service registered in it.
 */
export function buildConstructs(scope: Construct, inputs: ModuleInputs): TranslatedConstructs {
  const d = draftOf(inputs);
  const createdNamespace = d.createNamespace
    ? new PrivateDnsNamespace(scope, "namespace", { name: d.namespace.name!, vpcId: d.namespace.vpcId!, ...(d.tags ? { tags: d.tags } : {}) })
    : undefined;
  const namespace =
    createdNamespace ?? PrivateDnsNamespace.fromNamespaceAttributes(scope, "existing-namespace", { namespaceId: d.namespace.id!, namespaceName: d.namespace.name! });
  // Absent inputs arrive as explicit undefined, as from an untyped (JSON) caller.
  const props = {
    ...d.service,
    taskDefinition: d.taskDefinition,
    discovery: { ...d.discovery, namespace },
    network: networkOf(d),
    tags: d.tags,
    serviceConnect: serviceConnectOf(scope, d.serviceConnect, namespace),
  } as unknown as DiscoverableEcsServiceProps;
  return { createdNamespace, namespace, service: new DiscoverableEcsService(scope, "service", props) };
}

/** What the constructs report for one module call, with module naming on (messages name variables). */
export interface TypescriptFindings {
  /** Rule violations (errors), in the order the constructs reported them. */
  readonly errors: readonly RuleViolation[];
  /** Rule ids of the warnings. */
  readonly warnings: readonly { readonly ruleId: string; readonly message: string }[];
  /** An exception other than a rule error (a crash is a finding too). */
  readonly crash?: string | undefined;
}

/** A stack whose rule messages name the module's variables, as the module's do. */
export function moduleNamingStack(app: App, id: string): TerraformStack {
  const stack = new TerraformStack(app, id);
  stack.node.setContext(MODULE_NAMING_CONTEXT, true);
  return stack;
}

const RULE_ID = /\[(SD\d{3})\]/;

/** The constructs' findings for `inputs`, each in an app of its own. */
export function typescriptFindings(inputs: ModuleInputs): TypescriptFindings {
  return withScratchApp((app) => {
    const stack = moduleNamingStack(app, "expected");
    let crash: string | undefined;
    try {
      buildConstructs(stack, inputs);
    } catch (e) {
      // Constructs record violations rather than throw, but one that cannot be built may throw all.
      if (!(e instanceof ServiceDiscoveryRuleError)) crash = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    }
    const warnings = warningsOf(stack).map((message) => ({ ruleId: RULE_ID.exec(message)?.[1] ?? "(no rule id)", message }));
    return { errors: violationsIn(stack), warnings, crash };
  });
}

/**
 * The message the TypeScript constructs give for `inputs`, with module naming on, for `ruleId`.
 * Exactly one violation of that rule is expected.
 */
export function typescriptMessage(inputs: ModuleInputs, ruleId: string): string {
  const findings = typescriptFindings(inputs);
  if (findings.crash) throw new Error(`the constructs crashed on ${JSON.stringify(inputs)}: ${findings.crash}`);
  const messages = findings.errors.filter((v) => v.ruleId === ruleId).map((v) => v.message);
  if (messages.length !== 1) throw new Error(`expected one ${ruleId} violation from TypeScript for ${JSON.stringify(inputs)}, got ${messages.length}`);
  return messages[0];
}
