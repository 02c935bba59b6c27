/**
 * Who may call a discoverable service: the tasks' security groups, and the ingress rules
 * `DiscoverableEcsService.allowFrom` adds from a client's security group on the port clients
 * actually connect to (which differs from the registered container port for bridge tasks with
 * dynamic host ports).
 */
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Fn } from "cdktf";
import { Construct, IConstruct } from "constructs";
import { compact } from "../core/compact";
import { isKnown } from "../core/expr";
import { ContainerSpec } from "./task-definition-spec";

/** ECS's ephemeral host port range: bridge tasks with `hostPort: 0` get a host port from it. */
export const DYNAMIC_HOST_PORTS = { from: 32768, to: 65535 } as const;

/** Something with security groups: a DiscoverableEcsService, a ServiceSecurityGroup, or ids. */
export type AccessPeer =
  | { readonly securityGroupIds: readonly string[] }
  | { readonly securityGroupId: string }
  | string;

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A security group for a service's tasks in `vpcId`: no ingress until `allowFrom` grants it, all
 * IPv4 egress (image pulls, AWS APIs, other services). Named by prefix and replaced
 * create-before-destroy, so a change never leaves running tasks without a group.
 */
export function createTaskSecurityGroup(scope: Construct, serviceName: string, vpcId: string, tags?: Record<string, string>): SecurityGroup {
  const group = new SecurityGroup(scope, "security-group", compact({
    namePrefix: `${serviceName}-`,
    description: `Tasks of ECS service ${isKnown(serviceName) ? serviceName : "(module)"}: ingress only from allowed clients`,
    vpcId,
    tags,
    lifecycle: { createBeforeDestroy: true },
  }));
  new VpcSecurityGroupEgressRule(scope, "egress-all", {
    securityGroupId: group.id,
    description: "All outbound IPv4: image pulls, AWS APIs, other services",
    ipProtocol: "-1",
    cidrIpv4: "0.0.0.0/0",
  });
  return group;
}

export interface AccessPortInput {
  readonly networkMode: string;
  /** SRV `port` (awsvpc only). */
  readonly port?: number | undefined;
  readonly containerName?: string | undefined;
  readonly containerPort?: number | undefined;
  /** Containers of a task definition created here; undefined for an existing one. */
  readonly containers?: readonly ContainerSpec[] | undefined;
}

/**
 * The ports clients connect to, from the registration: awsvpc -> the SRV port, or the registered
 * (else first mapped) container port; host -> the container port (host port equals it); bridge
 * -> the mapped host port, or ECS's dynamic range when the host port is 0 or unset.
 * Undefined when nothing says (an existing task definition with A records).
 */
export function accessPorts(input: AccessPortInput): PortRange | undefined {
  const single = (p: number | undefined) => (p === undefined ? undefined : { from: p, to: p });
  if (input.networkMode === "awsvpc" && input.port !== undefined) return single(input.port);
  const containers = isKnown(input.containers) ? input.containers : undefined;
  const container =
    input.containerName !== undefined
      ? containers?.find((c) => c.name === input.containerName)
      : containers?.find((c) => c.essential !== false && (c.portMappings ?? []).length > 0);
  const containerPort = input.containerPort ?? container?.portMappings?.[0]?.containerPort;
  if (containerPort === undefined) return undefined;
  if (input.networkMode !== "bridge") return single(containerPort);
  if (!isKnown(containerPort)) return DYNAMIC_HOST_PORTS;
  const mapping = container?.portMappings?.find((m) => m.containerPort === containerPort);
  const hostPort = mapping?.hostPort;
  return hostPort === undefined || hostPort === 0 ? DYNAMIC_HOST_PORTS : single(hostPort);
}

/** The peer's security group ids (possibly a list token). */
export function securityGroupsOf(peer: AccessPeer): readonly string[] {
  if (typeof peer === "string") return [peer];
  if ("securityGroupIds" in peer) return peer.securityGroupIds;
  return [peer.securityGroupId];
}

/** The first group of a list that may be a token. */
export function firstGroup(groups: readonly string[]): string | undefined {
  if (!isKnown(groups)) return Fn.element(groups as string[], 0);
  return groups[0];
}

/** A readable, construct-id-safe name for the peer. */
export function peerName(peer: AccessPeer, index: number): string {
  if (typeof peer === "object" && peer !== null && "node" in peer) return (peer as unknown as IConstruct).node.id;
  if (typeof peer === "string" && isKnown(peer)) return peer;
  return `peer${index}`;
}

/** The peer's identity for de-duplication. */
export function peerKey(peer: AccessPeer): string {
  if (typeof peer === "object" && peer !== null && "node" in peer) return (peer as unknown as IConstruct).node.path;
  return securityGroupsOf(peer).join(",");
}

export interface IngressInput {
  readonly serverGroup: string;
  readonly clientGroup: string;
  readonly ports: PortRange;
  readonly description: string;
}

/** One TCP ingress rule from the client's group to the server's group. */
export function addIngress(scope: Construct, id: string, input: IngressInput): VpcSecurityGroupIngressRule {
  return new VpcSecurityGroupIngressRule(scope, id, {
    securityGroupId: input.serverGroup,
    referencedSecurityGroupId: input.clientGroup,
    description: input.description,
    ipProtocol: "tcp",
    fromPort: input.ports.from,
    toPort: input.ports.to,
  });
}

/** `80` or `32768-65535`, token-safe, for ids and descriptions. */
export function portsText(ports: PortRange, fallback: string): string {
  if (!isKnown(ports.from) || !isKnown(ports.to)) return fallback;
  return ports.from === ports.to ? `${ports.from}` : `${ports.from}-${ports.to}`;
}
