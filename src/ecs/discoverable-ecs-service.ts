import { EcsService, EcsServiceLoadBalancer } from "@cdktf/provider-aws/lib/ecs-service";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { TerraformIterator } from "cdktf";
import { Construct } from "constructs";
import { DEFAULT_TTL, DnsRecordType, RoutingPolicy } from "../core/aws-limits";
import { compact } from "../core/compact";
import { eq, isKnown, orDefault, when } from "../core/expr";
import { DiscoveryService } from "../discovery/discovery-service";
import { INamespace } from "../namespace/namespace";
import { DNS_REGISTRATION_RULE_IDS, SERVICE_RULES } from "../rules/catalogue";
import { attachPreconditions, enforce } from "../rules/enforce";
import { ECS_SERVICE_PROPS } from "../rules/fields";
import { reportChildViolationsAs, reporterFor } from "../rules/naming";
import { ALLOW_FROM_ARGUMENTS, DISCOVERABLE_ECS_SERVICE_PROPS, checkProps } from "../rules/prop-types";
import { resolveRegistration } from "./registration";
import { resolveServiceConnect, serviceConnectAccessPorts } from "./service-connect";
import { ServiceConnectEndpoint, ServiceConnectOptions } from "./service-connect-options";
import {
  AccessPeer,
  PortRange,
  accessPorts,
  addIngress,
  createTaskSecurityGroup,
  firstGroup,
  peerKey,
  peerName,
  portsText,
  securityGroupsOf,
} from "./service-access";
import { TaskDefinition } from "./task-definition";
import {
  ExistingTaskDefinition,
  LaunchType,
  TaskDefinitionSpec,
  isExistingTaskDefinition,
} from "./task-definition-spec";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";

/** How the service is published in Cloud Map. */
export interface DiscoveryOptions {
  /** Namespace to register in. */
  readonly namespace: INamespace;
  /**
   * Discovery name: clients resolve `<name>.<namespace name>`.
   * @default - the ECS service name
   */
  readonly name?: string;
  /**
   * @default - "A" for awsvpc, "SRV" for bridge/host
   */
  readonly dnsRecordType?: DnsRecordType;
  /** Record TTL in seconds. @default 60 */
  readonly dnsTtl?: number;
  /** @default "MULTIVALUE" */
  readonly routingPolicy?: RoutingPolicy;
  /**
   * Container whose port the SRV record publishes.
   * @default - SRV: the first essential container that maps a port; A/AAAA: none
   */
  readonly containerName?: string;
  /**
   * Container port the SRV record publishes (the container port, not the host port).
   * @default - SRV: the first port mapped by `containerName`; A/AAAA: none
   */
  readonly containerPort?: number;
  /**
   * SRV port for awsvpc tasks, instead of a container name/port. Not allowed with bridge/host.
   * @default - none
   */
  readonly port?: number;
  /** @default true (see DiscoveryService.forceDestroy) */
  readonly forceDestroy?: boolean;
  /** @default - no description */
  readonly description?: string;
}

/** awsvpc networking of the tasks. */
export interface NetworkOptions {
  /** Subnets for the tasks' network interfaces (private subnets of the namespace's VPC). */
  readonly subnetIds: string[];
  /**
   * Security groups of the tasks. `allowFrom` adds its rules to the first one.
   * @default - the group this service creates when `vpcId` is given, else the VPC's default security group
   */
  readonly securityGroupIds?: string[];
  /**
   * VPC of the tasks. Without `securityGroupIds`, the service creates its own security group
   * there (no ingress until `allowFrom`, all egress) instead of using the VPC's default group.
   * @default - no security group is created
   */
  readonly vpcId?: string;
  /** Public IPs on the tasks' interfaces (Fargate only). @default false */
  readonly assignPublicIp?: boolean;
}

/** An ALB/NLB target group the service registers with too (e.g. while migrating to discovery). */
export interface LoadBalancerTarget {
  readonly targetGroupArn: string;
  readonly containerName: string;
  readonly containerPort: number;
  /**
   * Classic Load Balancers cannot be used with service discovery; this is always refused (SD027).
   * It is declared only so untyped input gets a clear message.
   */
  readonly elbName?: never;
}

export interface DiscoverableEcsServiceProps {
  /** Cluster name or ARN. */
  readonly cluster: string;
  readonly serviceName: string;
  /** Number of tasks, and so of DNS records. @default 1 */
  readonly desiredCount?: number;
  /** @default "FARGATE" */
  readonly launchType?: LaunchType;
  /** A task definition to create, or an existing one. */
  readonly taskDefinition: TaskDefinitionSpec | ExistingTaskDefinition;
  /**
   * DNS discovery: records in a private DNS namespace that every client in the VPC resolves.
   * A service has `discovery`, `serviceConnect`, or both (SD035).
   * @default - no DNS records
   */
  readonly discovery?: DiscoveryOptions;
  /**
   * ECS Service Connect: endpoints for the Service Connect tasks of a namespace, reached through
   * a proxy in every task. With `discovery` too, both publish the service (the migration path);
   * their discovery names must then differ in a shared namespace (SD049).
   * @default - no Service Connect
   */
  readonly serviceConnect?: ServiceConnectOptions;
  /** Required for awsvpc, refused for bridge/host. @default - none */
  readonly network?: NetworkOptions;
  /**
   * Target groups to register with in addition to Cloud Map. A list token must hold objects
   * with `target_group_arn`, `container_name` and `container_port`.
   * @default - none
   */
  readonly loadBalancers?: LoadBalancerTarget[];
  /** Seconds ECS ignores failing load balancer health checks after a task starts. @default - AWS default (0); only with loadBalancers */
  readonly healthCheckGracePeriodSeconds?: number;
  /** Allow `aws ecs execute-command` into the tasks (also needs task role permissions). @default false */
  readonly enableExecuteCommand?: boolean;
  /** Roll a failed deployment back automatically. @default true */
  readonly deploymentCircuitBreaker?: boolean;
  /** @default - no tags (the provider's default_tags still apply) */
  readonly tags?: Record<string, string>;
  /**
   * Security groups of the container instances (bridge/host tasks use the instance's network).
   * Only `allowFrom` uses them, on either side of a rule.
   * @default - none
   */
  readonly instanceSecurityGroupIds?: string[];
}

/**
 * An ECS service whose tasks other services find: it creates the task definition (for a spec)
 * and the `aws_ecs_service`, published by DNS discovery (a `DiscoveryService` and
 * `service_registries`), by ECS Service Connect (`service_connect_configuration`), or both.
 * Every input is checked against the rule catalogue at construction.
 */
export class DiscoverableEcsService extends Construct {
  /** The Cloud Map service of the DNS discovery; throws when the service has no `discovery`. */
  public get discoveryService(): DiscoveryService {
    if (this.dnsDiscovery === undefined) throw this.noDiscoveryError("discoveryService");
    return this.dnsDiscovery;
  }
  /** Name clients resolve: `<discovery name>.<namespace name>`; throws when the service has no `discovery`. */
  public get dnsName(): string {
    if (this.dnsDiscovery === undefined) throw this.noDiscoveryError("dnsName");
    return this.dnsDiscovery.dnsName;
  }
  /** The DNS discovery service, or undefined when the service has no `discovery`. */
  public readonly dnsDiscovery: DiscoveryService | undefined;
  /** The endpoints this service publishes with Service Connect (empty without it, or for a client-only service). */
  public readonly serviceConnectEndpoints: readonly ServiceConnectEndpoint[];
  /** The namespace the service joins with Service Connect. @default - undefined without Service Connect */
  public readonly serviceConnectNamespace: INamespace | undefined;
  public readonly taskDefinitionArn: string;
  /** The ECS service id (its ARN). */
  public get ecsServiceId(): string {
    // Attribute tokens are made on first use: cdktf captures a full stack trace for each one,
    // a large part of the library's overhead over plain L1 code in big stacks (bench/findings.ts).
    return (this.ecsServiceIdToken ??= this.resource.id);
  }
  public get ecsServiceName(): string {
    return (this.ecsServiceNameToken ??= this.resource.name);
  }
  private ecsServiceIdToken?: string;
  private ecsServiceNameToken?: string;
  public readonly networkMode: string;
  /** Effective record type of the DNS discovery (the network mode's default when there is no `discovery`). */
  public readonly dnsRecordType: string;
  /**
   * Port DNS clients connect to: the SRV port, or the registered container port.
   * @default - unknown for A records, undefined without `discovery`
   */
  public readonly discoveryPort: number | undefined;
  /** The task definition created from a spec; undefined for an existing task definition. */
  public readonly taskDefinition: TaskDefinition | undefined;
  /** The underlying `aws_ecs_service`, for escape hatches. */
  public readonly resource: EcsService;
  /**
   * Security groups of the tasks: the awsvpc network's groups (or the one created for `vpcId`),
   * or the container instances' groups for bridge/host. Empty when unknown to this construct.
   */
  public readonly securityGroupIds: readonly string[];
  /** The security group this service created (`network.vpcId` without `securityGroupIds`). */
  public readonly securityGroup: SecurityGroup | undefined;
  private readonly accessPortRange: PortRange | undefined;
  private readonly grants = new Set<string>();

  constructor(scope: Construct, id: string, props: DiscoverableEcsServiceProps) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, DISCOVERABLE_ECS_SERVICE_PROPS, props);
    const td = props.taskDefinition;
    const spec = isExistingTaskDefinition(td) ? undefined : td;
    const launchType = orDefault<string>(props.launchType, "FARGATE");
    const desiredCount = orDefault(props.desiredCount, 1);
    const d = props.discovery;
    const registration = resolveRegistration({
      networkMode: td.networkMode,
      dnsRecordType: d?.dnsRecordType,
      port: d?.port,
      containerName: d?.containerName,
      containerPort: d?.containerPort,
      containers: spec?.containers,
    });
    const subnetIds = props.network?.subnetIds ?? [];
    if (props.network?.vpcId !== undefined && props.network.securityGroupIds === undefined) {
      this.securityGroup = createTaskSecurityGroup(this, props.serviceName, props.network.vpcId, props.tags);
    }
    const securityGroupIds = props.network?.securityGroupIds ?? (this.securityGroup ? [this.securityGroup.id] : undefined);
    const assignPublicIp = props.network?.assignPublicIp ?? false;
    const discoveryName = d?.name ?? props.serviceName;

    const reporter = reporterFor(this, ECS_SERVICE_PROPS);
    // Without `discovery` there is no DNS registration to check.
    const serviceRules = d ? SERVICE_RULES : SERVICE_RULES.filter((r) => !DNS_REGISTRATION_RULE_IDS.has(r.id));
    const deferred = enforce(reporter, serviceRules, {
      networkMode: td.networkMode,
      launchType,
      discoveryName,
      dnsRecordType: registration.dnsRecordType,
      dnsTtl: orDefault(d?.dnsTtl, DEFAULT_TTL),
      routingPolicy: orDefault<string>(d?.routingPolicy, "MULTIVALUE"),
      port: registration.port,
      containerName: registration.containerName,
      containerPort: registration.containerPort,
      containers: spec?.containers,
      taskMemory: spec?.memory,
      networkPassed: networkPassed(props.network),
      subnetIds,
      securityGroupIds,
      assignPublicIp,
      desiredCount,
      loadBalancers: (props.loadBalancers ?? []) as never,
    });

    // The Cloud Map service is built from this construct's props: report its violations here.
    reportChildViolationsAs(this, reporter.names);
    this.dnsDiscovery = d && new DiscoveryService(this, "discovery", compact({
      namespace: d.namespace,
      name: discoveryName,
      dnsRecordType: registration.dnsRecordType as DnsRecordType,
      dnsTtl: d.dnsTtl,
      routingPolicy: d.routingPolicy,
      forceDestroy: d.forceDestroy,
      description: d.description,
      tags: props.tags,
    }));

    // Service Connect (after the DNS discovery service, which claims its name in the namespace first).
    const serviceConnect = resolveServiceConnect(this, {
      given: props.serviceConnect !== undefined,
      options: props.serviceConnect,
      dnsDiscoveryGiven: d !== undefined,
      dnsNamespace: d?.namespace,
      dnsDiscoveryName: d ? discoveryName : undefined,
      networkMode: td.networkMode,
      launchType,
      containers: spec?.containers,
      taskMemory: spec?.memory,
    });
    this.serviceConnectEndpoints = serviceConnect.endpoints;
    this.serviceConnectNamespace = serviceConnect.namespace;

    if (spec) {
      this.taskDefinition = new TaskDefinition(this, "task", compact({
        spec,
        launchType: launchType as LaunchType,
        tags: props.tags,
      }));
    }
    this.taskDefinitionArn = this.taskDefinition?.taskDefinitionArn ?? (td as ExistingTaskDefinition).taskDefinitionArn;

    const awsvpc = eq(td.networkMode, "awsvpc");
    const networkConfiguration = compact({ subnets: subnetIds, securityGroups: securityGroupIds, assignPublicIp });
    const loadBalancers = props.loadBalancers ?? [];

    this.resource = new EcsService(this, "service", compact({
      name: props.serviceName,
      cluster: props.cluster,
      taskDefinition: this.taskDefinitionArn,
      desiredCount,
      launchType,
      networkConfiguration: awsvpc === true ? networkConfiguration : undefined,
      serviceRegistries: this.dnsDiscovery && compact({
        registryArn: this.dnsDiscovery.serviceArn,
        port: registration.port,
        containerName: registration.containerName,
        containerPort: registration.containerPort,
      }),
      serviceConnectConfiguration: serviceConnect.block,
      loadBalancer: !isKnown(loadBalancers)
        ? loadBalancerDynamic(loadBalancers)
        : loadBalancers.length > 0
          ? loadBalancers.map(toLoadBalancerBlock)
          : undefined,
      healthCheckGracePeriodSeconds: props.healthCheckGracePeriodSeconds,
      // host mode binds the container port on the instance: two tasks cannot share one.
      placementConstraints: td.networkMode === "host" ? [{ type: "distinctInstance" }] : undefined,
      deploymentCircuitBreaker:
        (props.deploymentCircuitBreaker ?? true) ? { enable: true, rollback: true } : undefined,
      enableExecuteCommand: props.enableExecuteCommand,
      propagateTags: "SERVICE",
      tags: props.tags,
      // No force_new_deployment and no redeploy trigger: a replaced Cloud Map service has a new
      // ARN, so service_registries changes and the provider sends it in UpdateService, after which
      // ECS starts new tasks that register with the new service. force_new_deployment would make
      // every other update (a desired count, a tag) roll every task as well.
    }));
    if (!isKnown(awsvpc)) {
      // Network mode known only at plan (the exported module): a block only awsvpc gets.
      this.resource.addOverride("dynamic.network_configuration", {
        for_each: when(awsvpc, [1], []),
        content: {
          subnets: subnetIds,
          security_groups: securityGroupIds,
          assign_public_ip: assignPublicIp,
        },
      });
      // ...and the one-task-per-instance constraint only host mode gets.
      this.resource.addOverride("dynamic.placement_constraints", {
        for_each: when(eq(td.networkMode, "host"), [1], []),
        content: { type: "distinctInstance" },
      });
    }
    attachPreconditions(this.resource, [...deferred, ...serviceConnect.deferred]);

    this.networkMode = td.networkMode;
    this.securityGroupIds =
      td.networkMode === "awsvpc" ? (securityGroupIds ?? []) : (props.instanceSecurityGroupIds ?? []);
    this.accessPortRange = d
      ? accessPorts({
          networkMode: td.networkMode,
          port: registration.port,
          containerName: registration.containerName,
          containerPort: registration.containerPort,
          containers: spec?.containers,
        })
      : serviceConnectAccessPorts(td.networkMode, props.serviceConnect?.services, spec?.containers);
    this.dnsRecordType = registration.dnsRecordType;
    this.discoveryPort = d ? (registration.port ?? registration.containerPort) : undefined;
  }

  private noDiscoveryError(attribute: string): Error {
    return new Error(
      `${this.node.path}: ${attribute} is only defined for a service with DNS discovery, and this one has no \`discovery\`. ` +
        "Fix: read serviceConnectEndpoints for its Service Connect endpoints, or dnsDiscovery (undefined without discovery) to test for DNS discovery.",
    );
  }

  /**
   * Lets `client` (another service, a security group, or a security group id) connect to this
   * service's tasks: one TCP ingress rule from the client's first security group to this
   * service's first one, on the port clients connect to. That port defaults to the discovery
   * port (SRV port, or the registered/first mapped container port); for bridge tasks it is the
   * mapped host port, or ECS's dynamic host port range when the host port is 0 or unset.
   * Granting the same client and port twice is a no-op.
   * @param port the port clients connect to (the host port for bridge/host tasks)
   */
  public allowFrom(client: AccessPeer, port?: number): void {
    checkProps(this, ALLOW_FROM_ARGUMENTS, { client, port }, (path) => path.replace(/^(client|port)/, "allowFrom($1)"));
    const who = typeof client === "object" && "node" in client ? `allowFrom(${(client as unknown as Construct).node.path})` : "allowFrom(...)";
    const ports = port !== undefined ? { from: port, to: port } : this.accessPortRange;
    if (ports === undefined) {
      throw new Error(
        `${this.node.path}: ${who} needs a port: this service registers no port (A records with an existing task definition). ` +
          "Allowed: any TCP port 1-65535 the tasks listen on. Fix: pass it, e.g. service.allowFrom(client, 8080).",
      );
    }
    const serverGroup = firstGroup(this.securityGroupIds);
    if (serverGroup === undefined) {
      throw new Error(
        `${this.node.path}: ${who}: this service's tasks have no security group it knows of` +
          (this.networkMode === "awsvpc"
            ? " (they use the VPC's default group). Fix: set network.vpcId (the service then creates its own group) or network.securityGroupIds."
            : ` (${this.networkMode} tasks use their container instances' groups). Fix: set instanceSecurityGroupIds.`),
      );
    }
    const clientGroup = firstGroup(securityGroupsOf(client));
    if (clientGroup === undefined) {
      throw new Error(
        `${this.node.path}: ${who}: the client has no security group to allow. ` +
          "Fix: give the client network.vpcId or network.securityGroupIds (awsvpc) or instanceSecurityGroupIds (bridge/host).",
      );
    }
    const key = `${peerKey(client)}:${portsText(ports, String(this.grants.size))}`;
    if (this.grants.has(key)) return;
    const name = peerName(client, this.grants.size);
    const range = portsText(ports, `port${this.grants.size}`);
    this.grants.add(key);
    addIngress(this, `allow-${name}-${range}`, {
      serverGroup,
      clientGroup,
      ports,
      description: `TCP ${range} from ${name}`,
    });
  }
}

/**
 * `network` was passed with known values. Inputs known only at plan (the exported module passes
 * its variables whether set or not) are judged by the rules from their values instead.
 */
function networkPassed(network: NetworkOptions | undefined): boolean {
  return network !== undefined && [network.subnetIds, network.securityGroupIds, network.assignPublicIp].every(isKnown);
}

function toLoadBalancerBlock(lb: LoadBalancerTarget): EcsServiceLoadBalancer {
  return { targetGroupArn: lb.targetGroupArn, containerName: lb.containerName, containerPort: lb.containerPort };
}

function loadBalancerDynamic(list: unknown) {
  const it = TerraformIterator.fromList(list as string[]);
  return it.dynamic({
    target_group_arn: it.getString("target_group_arn"),
    container_name: it.getString("container_name"),
    container_port: it.getNumber("container_port"),
  });
}
