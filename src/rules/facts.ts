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
