import { Cond } from "../core/expr";
import { ShapeProblem } from "../core/shape";
import { ContainerSpec } from "../ecs/task-definition-spec";

/**
 * What the rules look at, after defaults are applied. Values may be Terraform tokens; the rules
 * then produce Terraform conditions instead of booleans.
 */
/** A prop whose value does not have the prop's documented type (core/shape.ts finds them). */
export interface PropTypeFacts {
  /** The prop as the user wrote it: `discovery.namespace`, `allowFrom(client)`. */
  readonly property: string;
  readonly problem?: ShapeProblem | undefined;
}

export interface NamespaceFacts {
  readonly namespaceName: string;
  /** Whether this namespace is created here (and so needs a VPC). */
  readonly createNamespace: Cond;
  readonly vpcId?: string | undefined;
  /** The id of an existing namespace (when not creating one). */
  readonly namespaceId?: string | undefined;
}

export interface DiscoveryFacts {
  readonly discoveryName: string;
  /** Effective record type (`A`, `AAAA`, `A_AAAA`, `SRV`). */
  readonly dnsRecordType: string;
  readonly dnsTtl: number;
  readonly routingPolicy: string;
  /** Path of an earlier discovery service with the same name in the same namespace, if any. */
  readonly duplicateOf?: string | undefined;
  /** What the earlier claim of the name is: a DNS discovery service or a Service Connect endpoint. */
  readonly duplicateKind?: ClaimKind | undefined;
}

/** Who claims a Cloud Map service name in a namespace: DNS discovery or a Service Connect endpoint. */
export type ClaimKind = "dns" | "service-connect";

/** The namespace a DNS discovery service registers in (rules on its type and name). */
export interface DiscoveryNamespaceFacts {
  readonly namespaceName: string;
  /** `DNS_PRIVATE`, `HTTP`, or undefined when unknown. */
  readonly namespaceType?: string | undefined;
  /** The namespace was imported by ARN alone: its name and type are unknown here. */
  readonly importedByArn: boolean;
}

/** An HTTP namespace created here. */
export interface HttpNamespaceFacts {
  readonly namespaceName: string;
}

/** A namespace imported by ARN. */
export interface NamespaceArnFacts {
  readonly namespaceArn: string;
}

export interface LoadBalancerFacts {
  readonly elbName?: string | undefined;
  readonly targetGroupArn?: string | undefined;
}

export interface ServiceFacts extends DiscoveryFacts {
  readonly networkMode: string;
  readonly launchType: string;
  /** SRV port for awsvpc tasks (`discovery.port`). */
  readonly port?: number | undefined;
  /** Effective registry container name (the SRV default is filled in from the task definition). */
  readonly containerName?: string | undefined;
  /** Effective registry container port. */
  readonly containerPort?: number | undefined;
  /** Containers of a task definition created here; undefined for an existing task definition. */
  readonly containers?: readonly ContainerSpec[] | undefined;
  /** Task-level memory of a task definition created here. */
  readonly taskMemory?: number | undefined;
  /**
   * Whether `network` was passed with known values (a TypeScript caller). Network inputs known
   * only at plan (the exported module always passes its variables) count as given when set.
   */
  readonly networkPassed: boolean;
  readonly subnetIds: readonly string[];
  readonly securityGroupIds?: readonly string[] | undefined;
  readonly assignPublicIp: boolean;
  readonly desiredCount: number;
  /** Known load balancer entries, or a token (module input) whose entries cannot be inspected. */
  readonly loadBalancers: readonly LoadBalancerFacts[];
}

/** Service Connect on an ECS service, and the task definition parts it depends on. */
export interface ServiceConnectFacts {
  /** `serviceConnect` was given (enabled or not). */
  readonly serviceConnectGiven: Cond;
  /** `discovery` (DNS) was given. */
  readonly dnsDiscoveryGiven: Cond;
  readonly networkMode: string;
  readonly launchType: string;
  /** A namespace for Service Connect is known (its own, or the discovery namespace). */
  readonly namespaceGiven: Cond;
  /** The proxy's log driver, when a log configuration is given. */
  readonly logDriver?: string | undefined;
  /** Containers of a task definition created here; undefined for an existing one. */
  readonly containers?: readonly ContainerSpec[] | undefined;
  /** Task-level memory (MiB) after defaults, of a task definition created here. */
  readonly taskMemory?: number | undefined;
}

/** One entry of `serviceConnect.services`, after defaults. */
export interface ServiceConnectServiceFacts {
  readonly portName: string;
  /** Effective discovery name (`discoveryName`, else the port name). */
  readonly discoveryName: string;
  /** Client aliases after defaulting: the given list's length, 1 when defaulted, 0 when it cannot be. */
  readonly clientAliasCount: number;
  readonly clientAliasPort?: number | undefined;
  readonly clientAliasDnsName?: string | undefined;
  readonly ingressPortOverride?: number | undefined;
  readonly idleTimeoutSeconds?: number | undefined;
  readonly perRequestTimeoutSeconds?: number | undefined;
  /** A TLS configuration was given. */
  readonly tlsGiven: Cond;
  readonly tlsAuthorityArn?: string | undefined;
  readonly tlsRoleArn?: string | undefined;
  /** Containers of a task definition created here; undefined for an existing one. */
  readonly containers?: readonly ContainerSpec[] | undefined;
  /** An earlier claim of the same Cloud Map service name in the namespace by another construct, if any. */
  readonly duplicateDiscoveryOf?: { readonly path: string; readonly kind: ClaimKind } | undefined;
  /** The DNS discovery name of the same ECS service, when it may register in the same namespace. */
  readonly sameNamespaceDnsName?: string | undefined;
  /** Whether the DNS discovery is in the same namespace, when only known at plan (the module). @default true */
  readonly sameNamespace?: Cond | undefined;
  /** Effective discovery names of the earlier entries of the same `services` list. */
  readonly earlierDiscoveryNames?: readonly string[] | undefined;
  /** Path of an earlier endpoint of another construct with the same client alias DNS name and port, if any. */
  readonly duplicateAliasOf?: string | undefined;
  /** `dnsName:port` of this entry's client alias, when it names one. */
  readonly clientAliasKey?: string | undefined;
  /** `dnsName:port` of the client aliases of the earlier entries of the same `services` list. */
  readonly earlierClientAliasKeys?: readonly string[] | undefined;
}
