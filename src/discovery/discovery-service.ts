import { compact } from "../core/compact";
import { ServiceDiscoveryService } from "@cdktf/provider-aws/lib/service-discovery-service";
import { Construct } from "constructs";
import {
  CUSTOM_HEALTH_CHECK_FAILURE_THRESHOLD,
  DEFAULT_TTL,
  DnsRecordType,
  RoutingPolicy,
} from "../core/aws-limits";
import { orDefault } from "../core/expr";
import { INamespace, isArnOnlyNamespace } from "../namespace/namespace";
import { DISCOVERY_NAMESPACE_RULES, DISCOVERY_RULES } from "../rules/catalogue";
import { attachPreconditions, enforce } from "../rules/enforce";
import { DISCOVERY_SERVICE_PROPS } from "../rules/fields";
import { reporterFor } from "../rules/naming";
import { DISCOVERY_SERVICE_PROPS as DISCOVERY_SERVICE_SHAPE, checkProps } from "../rules/prop-types";
import { dnsRecordsFor } from "./dns-records";
import { claimServiceName } from "./name-registry";
import { assertSameCdktfRuntime } from "../core/cdktf-runtime";

export interface DiscoveryServiceProps {
  /** Namespace the service registers in. */
  readonly namespace: INamespace;
  /** First DNS label of the service's name: `<name>.<namespace name>`. */
  readonly name: string;
  /**
   * Records published per task: `A` (awsvpc task IPs), `AAAA`, `A_AAAA` (both), or `SRV`
   * (address + port; the only choice for bridge/host tasks).
   * @default "A"
   */
  readonly dnsRecordType?: DnsRecordType;
  /**
   * Record TTL in seconds. Clients may keep a stopped task's IP this long.
   * @default 60
   */
  readonly dnsTtl?: number;
  /**
   * `MULTIVALUE` answers with up to 8 healthy records chosen at random; `WEIGHTED` with one.
   * @default "MULTIVALUE"
   */
  readonly routingPolicy?: RoutingPolicy;
  /**
   * Let Terraform delete the Cloud Map service while instances are still registered (otherwise
   * destroy fails with ResourceInUse when tasks are left behind).
   * @default true
   */
  readonly forceDestroy?: boolean;
  /** @default - no description */
  readonly description?: string;
  /** @default - no tags (the provider's default_tags still apply) */
  readonly tags?: Record<string, string>;
}

/**
 * A Cloud Map service with DNS records in a private DNS namespace (an HTTP namespace is refused:
 * it has no DNS, SD033). Health is reported by ECS
 * (custom health check config); Route 53 health checks are never attached, since private
 * namespaces do not allow them and ECS adds and removes these records as tasks come and go.
 */
export class DiscoveryService extends Construct {
  public readonly serviceArn: string;
  public get serviceId(): string {
    // Made on first use: cdktf captures a stack trace for every attribute token (bench/findings.ts).
    return (this.serviceIdToken ??= this.resource.id);
  }
  private serviceIdToken?: string;
  /** Name clients resolve: `<name>.<namespace name>`. */
  public readonly dnsName: string;
  /** The discovery name (first DNS label). */
  public readonly discoveryName: string;
  /** The effective record type. */
  public readonly dnsRecordType: string;
  public readonly dnsTtl: number;
  public readonly routingPolicy: string;
  public readonly namespace: INamespace;
  /** The underlying resource, for escape hatches. */
  public readonly resource: ServiceDiscoveryService;

  constructor(scope: Construct, id: string, props: DiscoveryServiceProps) {
    super(scope, id);
    assertSameCdktfRuntime(this);
    checkProps(this, DISCOVERY_SERVICE_SHAPE, props);
    this.namespace = props.namespace;
    this.discoveryName = props.name;
    this.dnsRecordType = orDefault<string>(props.dnsRecordType, "A");
    this.dnsTtl = orDefault(props.dnsTtl, DEFAULT_TTL);
    this.routingPolicy = orDefault<string>(props.routingPolicy, "MULTIVALUE");

    const reporter = reporterFor(this, DISCOVERY_SERVICE_PROPS);
    const duplicate = claimServiceName(this, props.namespace, props.name, "dns");
    const deferred = enforce(reporter, DISCOVERY_RULES, {
      discoveryName: props.name,
      dnsRecordType: this.dnsRecordType,
      dnsTtl: this.dnsTtl,
      routingPolicy: this.routingPolicy,
      duplicateOf: duplicate?.path,
      duplicateKind: duplicate?.kind,
    });
    // DNS records need a private DNS namespace of a known name (HTTP namespaces have no DNS).
    enforce(reporter, DISCOVERY_NAMESPACE_RULES, {
      namespaceName: props.namespace.namespaceName,
      namespaceType: props.namespace.namespaceType,
      importedByArn: isArnOnlyNamespace(props.namespace),
    });

    this.resource = new ServiceDiscoveryService(this, "service", compact({
      name: props.name,
      description: props.description,
      dnsConfig: {
        namespaceId: props.namespace.namespaceId,
        routingPolicy: this.routingPolicy,
        dnsRecords: dnsRecordsFor(this.dnsRecordType, this.dnsTtl),
      },
      // AWS always stores 1; an empty block or any other value makes every plan replace the service.
      healthCheckCustomConfig: { failureThreshold: CUSTOM_HEALTH_CHECK_FAILURE_THRESHOLD },
      forceDestroy: props.forceDestroy ?? true,
      tags: props.tags,
    }));
    attachPreconditions(this.resource, deferred);

    this.serviceArn = this.resource.arn;
    this.dnsName = `${props.name}.${props.namespace.namespaceName}`;
  }
}
