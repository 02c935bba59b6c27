import { Cond } from "../core/expr";
import { ContainerSpec } from "../ecs/task-definition-spec";

/**
 * What the rules look at, after defaults are applied. Values may be Terraform tokens; the rules
 * then produce Terraform conditions instead of booleans.
 */
export interface NamespaceFacts {
  readonly namespaceName: string;
  /** Whether this namespace is created here (and so needs a VPC). */
  readonly createNamespace: Cond;
  readonly vpcId?: string;
  /** The id of an existing namespace (when not creating one). */
  readonly namespaceId?: string;
}

export interface DiscoveryFacts {
  readonly discoveryName: string;
  /** Effective record type (`A`, `AAAA`, `A_AAAA`, `SRV`). */
  readonly dnsRecordType: string;
  readonly dnsTtl: number;
  readonly routingPolicy: string;
  /** Path of an earlier discovery service with the same name in the same namespace, if any. */
  readonly duplicateOf?: string;
}

export interface LoadBalancerFacts {
  readonly elbName?: string;
  readonly targetGroupArn?: string;
}

export interface ServiceFacts extends DiscoveryFacts {
  readonly networkMode: string;
  readonly launchType: string;
  /** SRV port for awsvpc tasks (`discovery.port`). */
  readonly port?: number;
  /** Effective registry container name (the SRV default is filled in from the task definition). */
  readonly containerName?: string;
  /** Effective registry container port. */
  readonly containerPort?: number;
  /** Containers of a task definition created here; undefined for an existing task definition. */
  readonly containers?: readonly ContainerSpec[];
  /** Task-level memory of a task definition created here. */
  readonly taskMemory?: number;
  /** Whether a network configuration (subnets/security groups) was given. */
  readonly networkGiven: Cond;
  readonly subnetIds: readonly string[];
  readonly assignPublicIp: boolean;
  readonly desiredCount: number;
  /** Known load balancer entries, or a token (module input) whose entries cannot be inspected. */
  readonly loadBalancers: readonly LoadBalancerFacts[];
}
