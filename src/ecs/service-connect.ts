/**
 * ECS Service Connect on a DiscoverableEcsService: defaults, rules and the
 * `service_connect_configuration` block (sources: docs/service-connect.md; the props are in
 * service-connect-options.ts).
 *
 * Service Connect runs a proxy in every task. A service publishes named ports of its task
 * definition as endpoints (`services`); every Service Connect task of the namespace that starts
 * after an endpoint exists reaches it at its client alias (`dnsName:port`) through its own proxy.
 * ECS creates one Cloud Map service per endpoint, named by its discovery name, in the namespace.
 *
 * Everything here works on known values (TypeScript input) and on Terraform expressions (the
 * exported module passes its `service_connect` variable), like the rest of the library.
 */
import { EcsServiceServiceConnectConfiguration, EcsServiceServiceConnectConfigurationService } from "@cdktf/provider-aws/lib/ecs-service";
import { FOR_EXPRESSION_VALUE, Fn, Token, ref } from "cdktf";
import { Construct } from "constructs";
import { FARGATE_DEFAULT_MEMORY } from "../core/aws-limits";
import { compact } from "../core/compact";
import { Cond, forEachEntry, isKnown, isSet, lengthOf, or, orDefault, when } from "../core/expr";
import { claimClientAlias, claimServiceName, NameClaim } from "../discovery/name-registry";
import { INamespace, serviceConnectNamespaceOf } from "../namespace/namespace";
import { SERVICE_CONNECT_RULES, SERVICE_CONNECT_SERVICE_RULES } from "../rules/catalogue";
import { DeferredCheck, ListEntry, enforce, enforceEach, knownEntry, readExpression } from "../rules/enforce";
import { ServiceConnectServiceFacts } from "../rules/facts";
import { ECS_SERVICE_PROPS, serviceConnectServiceNames } from "../rules/fields";
import { reporterFor } from "../rules/naming";
import { DYNAMIC_HOST_PORTS, PortRange } from "./service-access";
import {
  ServiceConnectClientAlias,
  ServiceConnectEndpoint,
  ServiceConnectLogConfiguration,
  ServiceConnectOptions,
  ServiceConnectService,
} from "./service-connect-options";
import { ContainerSpec } from "./task-definition-spec";

/** What `resolveServiceConnect` needs to know about the ECS service. */
export interface ServiceConnectContext {
  /** `serviceConnect` was given; a Terraform condition in the exported module. */
  readonly given: Cond;
  readonly options: ServiceConnectOptions | undefined;
  /** `discovery` (DNS) was given. */
  readonly dnsDiscoveryGiven: Cond;
  /** Namespace and effective name of the service's DNS discovery, when it has one. */
  readonly dnsNamespace?: INamespace | undefined;
  readonly dnsDiscoveryName?: string | undefined;
  readonly networkMode: string;
  readonly launchType: string;
  /** Containers and task memory (as given) of a task definition created here. */
  readonly containers?: readonly ContainerSpec[] | undefined;
  readonly taskMemory?: number | undefined;
  /**
   * Whether Service Connect joins the DNS discovery's namespace, when only known at plan.
   * @default - compared by namespace id
   */
  readonly sameNamespaceAsDns?: Cond | undefined;
  /**
   * Attribute names of a `services` entry given as a Terraform expression, when they are not the
   * props' (the module's variable spells them in snake case).
   * @default - the props' names
   */
  readonly entryKeys?: Readonly<Record<string, string>> | undefined;
}

export interface ResolvedServiceConnect {
  /** The `service_connect_configuration` block for known input; undefined without Service Connect. */
  readonly block: EcsServiceServiceConnectConfiguration | undefined;
  readonly namespace: INamespace | undefined;
  readonly endpoints: readonly ServiceConnectEndpoint[];
  /** Rules known only at plan, as preconditions of the ECS service. */
  readonly deferred: readonly DeferredCheck[];
}

/** The values of one endpoint after defaults, read from a known entry or a Terraform expression. */
export interface EffectiveServiceConnectService {
  readonly portName: string;
  readonly discoveryName: string;
  readonly clientAliasCount: number;
  readonly clientAliasPort: number | undefined;
  readonly clientAliasDnsName: string | undefined;
  readonly ingressPortOverride: number | undefined;
  readonly idleTimeoutSeconds: number | undefined;
  readonly perRequestTimeoutSeconds: number | undefined;
  readonly tlsGiven: Cond;
  readonly tls: { readonly awsPcaAuthorityArn: unknown; readonly roleArn: unknown; readonly kmsKey: unknown } | undefined;
}

const portMappings = (containers: readonly ContainerSpec[] | undefined) =>
  (containers ?? []).flatMap((c) => c.portMappings ?? []);

/**
 * Defaults of one endpoint: the discovery name is the port name; without client aliases, a task
 * definition created here gives one on the named port mapping's container port.
 */
export function effectiveService(entry: ListEntry, containers: readonly ContainerSpec[] | undefined): EffectiveServiceConnectService {
  const portName = entry.get(["portName"]) as string;
  const aliases = entry.get(["clientAliases"]) as ServiceConnectClientAlias[] | undefined;
  const mapping = isKnown(portName) ? portMappings(containers).find((p) => p.name === portName) : undefined;
  const defaulted = aliases === undefined || aliases === null;
  const tls = entry.get(["tls"]);
  const tlsGiven = isSet(tls);
  return {
    portName,
    discoveryName: orDefault(entry.get(["discoveryName"]) as string | undefined, portName),
    clientAliasCount: defaulted ? (containers === undefined ? 0 : 1) : lengthOf(aliases),
    clientAliasPort: defaulted ? mapping?.containerPort : (entry.get(["clientAliases", 0, "port"]) as number | undefined),
    clientAliasDnsName: defaulted ? undefined : (entry.get(["clientAliases", 0, "dnsName"]) as string | undefined),
    ingressPortOverride: entry.get(["ingressPortOverride"]) as number | undefined,
    idleTimeoutSeconds: entry.get(["idleTimeoutSeconds"]) as number | undefined,
    perRequestTimeoutSeconds: entry.get(["perRequestTimeoutSeconds"]) as number | undefined,
    tlsGiven,
    tls:
      tlsGiven === false
        ? undefined
        : {
            awsPcaAuthorityArn: entry.get(["tls", "awsPcaAuthorityArn"]),
            roleArn: entry.get(["tls", "roleArn"]),
            kmsKey: entry.get(["tls", "kmsKey"]),
          },
  };
}

/**
 * `dnsName:port` of the endpoint's client alias, when it names one; for Terraform expressions a
 * `try(...)` that reads "" when the alias has no name.
 */
function aliasKey(e: EffectiveServiceConnectService): string | undefined {
  if (e.clientAliasDnsName === undefined || e.clientAliasPort === undefined) return undefined;
  if (isKnown(e.clientAliasDnsName) && isKnown(e.clientAliasPort)) return `${e.clientAliasDnsName}:${e.clientAliasPort}`;
  return Token.asString(Fn.try([Fn.format("%s:%v", [e.clientAliasDnsName, e.clientAliasPort]), ""]));
}


/** An entry that is a Terraform expression (e.g. `service.value` in a dynamic block), read as `readExpression` does. */
export function expressionEntry(expression: unknown, keys: Readonly<Record<string, string>> = {}): ListEntry {
  const spell = (path: readonly (string | number)[]) => path.map((p) => (typeof p === "string" ? (keys[p] ?? p) : p));
  return { get: (path) => readExpression(expression, spell(path)) };
}

/**
 * Checks Service Connect (and the port mappings it reads) with the rule catalogue, claims its
 * names in the namespace, and builds the `service_connect_configuration` block.
 */
export function resolveServiceConnect(scope: Construct, ctx: ServiceConnectContext): ResolvedServiceConnect {
  const options = ctx.options;
  const namespace = options?.namespace ?? ctx.dnsNamespace;
  const reporter = reporterFor(scope, ECS_SERVICE_PROPS);
  const fargate = ctx.launchType === "FARGATE";
  const taskMemory = ctx.containers === undefined ? undefined : (ctx.taskMemory ?? (fargate ? FARGATE_DEFAULT_MEMORY : undefined));

  const deferred: DeferredCheck[] = [
    ...enforce(reporter, SERVICE_CONNECT_RULES, {
      serviceConnectGiven: ctx.given,
      dnsDiscoveryGiven: ctx.dnsDiscoveryGiven,
      networkMode: ctx.networkMode,
      launchType: ctx.launchType,
      namespaceGiven: namespace !== undefined,
      logDriver: options?.logConfiguration?.logDriver,
      containers: ctx.containers,
      taskMemory,
    }),
  ];
  if (ctx.given === false || options === undefined) return { block: undefined, namespace, endpoints: [], deferred };

  const services = options.services ?? [];
  // Clashes inside this service (with its own DNS discovery name, between its own entries) are
  // facts of the rule, known or Terraform expressions alike; the registry reports other services.
  const sameNamespace: Cond =
    ctx.sameNamespaceAsDns ?? (namespace !== undefined && ctx.dnsNamespace !== undefined && namespace.namespaceId === ctx.dnsNamespace.namespaceId);
  const isOwn = (path: string) => path === `${scope.node.path}/discovery` || path.startsWith(`${scope.node.path} (`);
  const own = (claim: NameClaim | undefined) => (claim !== undefined && isOwn(claim.path) ? undefined : claim);
  const ownAlias = (path: string | undefined) => (path !== undefined && isOwn(path) ? undefined : path);

  const claims: { discovery?: NameClaim | undefined; alias?: string | undefined }[] = [];
  if (isKnown(services) && namespace !== undefined) {
    services.forEach((svc, i) => {
      const e = effectiveService(knownEntry(svc), ctx.containers);
      const part = `serviceConnect.services[${i}]`;
      claims[i] = {
        discovery: own(claimServiceName(scope, namespace, e.discoveryName, "service-connect", part)),
        alias:
          e.clientAliasDnsName !== undefined && e.clientAliasPort !== undefined
            ? ownAlias(claimClientAlias(scope, namespace, e.clientAliasDnsName, e.clientAliasPort, part))
            : undefined,
      };
    });
  }
  const allNames: readonly string[] = isKnown(services)
    ? services.map((svc) => effectiveService(knownEntry(svc), ctx.containers).discoveryName)
    : (forEachEntry(services, effectiveService(expressionEntry(FOR_EXPRESSION_VALUE, ctx.entryKeys), ctx.containers).discoveryName) as unknown as string[]);
  const allAliasKeys: readonly (string | undefined)[] = isKnown(services)
    ? services.map((svc) => aliasKey(effectiveService(knownEntry(svc), ctx.containers)))
    : (forEachEntry(services, aliasKey(effectiveService(expressionEntry(FOR_EXPRESSION_VALUE, ctx.entryKeys), ctx.containers)) ?? "") as unknown as string[]);
  const earlier = <T>(list: readonly T[], index: number | string): readonly T[] =>
    typeof index === "number" ? list.slice(0, index) : (Fn.slice(list as unknown as unknown[], 0, Token.asNumber(index)) as unknown as T[]);

  const factsOf = (entry: ListEntry, index: number | string): ServiceConnectServiceFacts => {
    const e = effectiveService(entry, ctx.containers);
    const claim = typeof index === "number" ? claims[index] : undefined;
    return {
      ...e,
      tlsAuthorityArn: e.tls?.awsPcaAuthorityArn as string | undefined,
      tlsRoleArn: e.tls?.roleArn as string | undefined,
      containers: ctx.containers,
      duplicateDiscoveryOf: claim?.discovery,
      duplicateAliasOf: claim?.alias,
      sameNamespaceDnsName: sameNamespace === false ? undefined : ctx.dnsDiscoveryName,
      sameNamespace,
      earlierDiscoveryNames: earlier(allNames, index),
      clientAliasKey: aliasKey(e),
      earlierClientAliasKeys:
        typeof index === "number" ? allAliasKeys.slice(0, index).filter((k): k is string => k !== undefined) : (earlier(allAliasKeys, index) as readonly string[]),
    };
  };
  deferred.push(...enforceEach(reporter, SERVICE_CONNECT_SERVICE_RULES, services, factsOf, serviceConnectServiceNames, ctx.entryKeys));

  const endpoints = isKnown(services)
    ? services.map((svc) => {
        const e = effectiveService(knownEntry(svc), ctx.containers);
        return { portName: e.portName, discoveryName: e.discoveryName, dnsName: e.clientAliasDnsName, port: e.clientAliasPort };
      })
    : [];

  const block: EcsServiceServiceConnectConfiguration | undefined = isKnown(services)
    ? compact({
        enabled: options.enabled ?? true,
        namespace: namespace === undefined ? undefined : serviceConnectNamespaceOf(namespace),
        logConfiguration: logConfigurationBlock(options.logConfiguration),
        service: services.length > 0 ? services.map((svc) => serviceBlock(effectiveService(knownEntry(svc), ctx.containers))) : undefined,
      })
    : undefined;
  return { block, namespace, endpoints, deferred };
}

/**
 * The ports Service Connect clients' proxies connect to on this service's tasks, for
 * `allowFrom`: the first endpoint's ingress port override, else its container port (awsvpc);
 * bridge tasks' proxies listen on an ephemeral host port unless overridden.
 */
export function serviceConnectAccessPorts(
  networkMode: string,
  services: readonly ServiceConnectService[] | undefined,
  containers: readonly ContainerSpec[] | undefined,
): PortRange | undefined {
  const first = isKnown(services) ? services?.[0] : undefined;
  if (first === undefined) return undefined;
  if (first.ingressPortOverride !== undefined) return { from: first.ingressPortOverride, to: first.ingressPortOverride };
  if (networkMode === "bridge") return DYNAMIC_HOST_PORTS;
  const port = portMappings(containers).find((p) => p.name === first.portName)?.containerPort;
  return port === undefined ? undefined : { from: port, to: port };
}

function logConfigurationBlock(log: ServiceConnectLogConfiguration | undefined) {
  if (log === undefined) return undefined;
  return compact({
    logDriver: log.logDriver,
    options: log.options,
    secretOption: log.secretOptions?.map((o) => ({ name: o.name, valueFrom: o.valueFrom })),
  });
}

/**
 * ECS's timeouts for http/http2/grpc ports. hashicorp/aws sends 0 for a timeout missing from a
 * `timeout` block (0 turns it off), so when one is given the other is written out with ECS's value.
 */
export const ECS_DEFAULT_IDLE_TIMEOUT_SECONDS = 300;
export const ECS_DEFAULT_PER_REQUEST_TIMEOUT_SECONDS = 15;

/** Whether a `timeout` block is sent, and its values: both, each defaulting to ECS's (see above). */
function timeouts(e: EffectiveServiceConnectService) {
  return {
    given: or(isSet(e.idleTimeoutSeconds), isSet(e.perRequestTimeoutSeconds)),
    idle: orDefault(e.idleTimeoutSeconds, ECS_DEFAULT_IDLE_TIMEOUT_SECONDS),
    perRequest: orDefault(e.perRequestTimeoutSeconds, ECS_DEFAULT_PER_REQUEST_TIMEOUT_SECONDS),
  };
}

/** One `service` block from known values (each optional block only when it has a value). */
function serviceBlock(e: EffectiveServiceConnectService): EcsServiceServiceConnectConfigurationService {
  const t = timeouts(e);
  return compact({
    portName: e.portName,
    discoveryName: e.discoveryName,
    clientAlias: e.clientAliasPort === undefined ? undefined : compact({ port: e.clientAliasPort, dnsName: e.clientAliasDnsName }),
    ingressPortOverride: e.ingressPortOverride,
    timeout: t.given === true ? { idleTimeoutSeconds: t.idle, perRequestTimeoutSeconds: t.perRequest } : undefined,
    tls:
      e.tls === undefined
        ? undefined
        : compact({
            issuerCertAuthority: { awsPcaAuthorityArn: e.tls.awsPcaAuthorityArn as string },
            roleArn: e.tls.roleArn as string | undefined,
            kmsKey: e.tls.kmsKey as string | undefined,
          }),
  });
}

/**
 * The `service_connect_configuration` content in Terraform's JSON syntax for services given as
 * a Terraform list (the exported module): `dynamic "service"` over the list, and dynamic blocks
 * for its optional parts, with the same defaults as `serviceBlock`.
 */
export function serviceConnectDynamicContent(input: {
  readonly services: unknown;
  readonly enabled: unknown;
  readonly namespace: string;
  readonly logConfiguration?: { readonly logDriver: unknown; readonly options: unknown } | undefined;
  /** Attribute names of a services entry, when not the props'. */
  readonly entryKeys?: Readonly<Record<string, string>> | undefined;
}): Record<string, unknown> {
  const keys = input.entryKeys ?? {};
  const key = (name: string) => keys[name] ?? name;
  const e = effectiveService(expressionEntry(ref("service.value"), keys), undefined);
  const t = timeouts(e);
  const dynamic: Record<string, unknown> = {
    service: {
      for_each: input.services,
      content: {
        port_name: e.portName,
        discovery_name: e.discoveryName,
        ingress_port_override: e.ingressPortOverride,
        dynamic: {
          client_alias: {
            for_each: ref(`service.value.${key("clientAliases")}`),
            content: { port: ref("client_alias.value.port"), dns_name: ref(`client_alias.value.${key("dnsName")}`) },
          },
          timeout: {
            for_each: when(t.given, [1], []),
            content: { idle_timeout_seconds: t.idle, per_request_timeout_seconds: t.perRequest },
          },
          tls: {
            for_each: when(e.tlsGiven, [1], []),
            content: {
              issuer_cert_authority: { aws_pca_authority_arn: e.tls?.awsPcaAuthorityArn },
              role_arn: e.tls?.roleArn,
              kms_key: e.tls?.kmsKey,
            },
          },
        },
      },
    },
  };
  if (input.logConfiguration !== undefined) {
    dynamic.log_configuration = {
      for_each: when(isSet(input.logConfiguration.logDriver), [1], []),
      content: { log_driver: input.logConfiguration.logDriver, options: input.logConfiguration.options },
    };
  }
  return { enabled: input.enabled, namespace: input.namespace, dynamic };
}
