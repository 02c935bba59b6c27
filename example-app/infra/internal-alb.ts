import { Lb } from "@cdktf/provider-aws/lib/lb";
import { LbListener } from "@cdktf/provider-aws/lib/lb-listener";
import { LbTargetGroup } from "@cdktf/provider-aws/lib/lb-target-group";
import { SecurityGroup } from "@cdktf/provider-aws/lib/security-group";
import { VpcSecurityGroupEgressRule } from "@cdktf/provider-aws/lib/vpc-security-group-egress-rule";
import { VpcSecurityGroupIngressRule } from "@cdktf/provider-aws/lib/vpc-security-group-ingress-rule";
import { Construct } from "constructs";
import { createHash } from "node:crypto";

export interface InternalAlbProps {
  /** Name of the load balancer and its target group (shortened with a hash beyond AWS's 32 characters). */
  readonly name: string;
  readonly vpcId: string;
  /** Subnets in at least two availability zones (private: the load balancer is internal). */
  readonly subnetIds: string[];
  /** Port the tasks listen on. */
  readonly targetPort: number;
  /** @default 80 */
  readonly listenerPort?: number;
  /** Path of the load balancer's HTTP health check. @default "/" */
  readonly healthCheckPath?: string;
}

/**
 * An internal Application Load Balancer with one HTTP listener forwarding to an `ip` target group
 * (awsvpc tasks register by IP). Its security group starts closed: `allowFrom` lets clients in on
 * the listener port, `allowTargets` lets the load balancer reach the tasks on the target port.
 * This is the "before" of a migration to service discovery, kept while clients move over.
 */
export class InternalAlb extends Construct {
  public readonly loadBalancer: Lb;
  public readonly targetGroup: LbTargetGroup;
  public readonly listener: LbListener;
  public readonly securityGroupId: string;
  /** The load balancer's DNS name (what clients called before service discovery). */
  public readonly dnsName: string;
  public readonly listenerPort: number;
  private readonly targetPort: number;

  constructor(scope: Construct, id: string, props: InternalAlbProps) {
    super(scope, id);
    const name = awsName(props.name, 32);
    this.listenerPort = props.listenerPort ?? 80;
    this.targetPort = props.targetPort;
    const group = new SecurityGroup(this, "security-group", {
      name: `${props.name}-alb`,
      description: "Internal ALB: listener from allowed clients, egress to the targets only",
      vpcId: props.vpcId,
      tags: { Name: `${props.name}-alb` },
    });
    this.securityGroupId = group.id;

    this.loadBalancer = new Lb(this, "alb", {
      name,
      internal: true,
      loadBalancerType: "application",
      securityGroups: [group.id],
      subnets: props.subnetIds,
      dropInvalidHeaderFields: true,
    });
    this.targetGroup = new LbTargetGroup(this, "targets", {
      name,
      vpcId: props.vpcId,
      targetType: "ip",
      protocol: "HTTP",
      port: props.targetPort,
      // Tasks leave quickly on deploys; the default 300 s would hold every rollout for 5 minutes.
      deregistrationDelay: "30",
      healthCheck: {
        path: props.healthCheckPath ?? "/",
        matcher: "200-399",
        interval: 15,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
      },
    });
    this.listener = new LbListener(this, "http", {
      loadBalancerArn: this.loadBalancer.arn,
      port: this.listenerPort,
      protocol: "HTTP",
      defaultAction: [{ type: "forward", targetGroupArn: this.targetGroup.arn }],
    });
    this.dnsName = this.loadBalancer.dnsName;
  }

  /** Lets members of `clientSecurityGroupId` call the listener. */
  public allowFrom(clientSecurityGroupId: string, clientName: string): void {
    new VpcSecurityGroupIngressRule(this, `from-${clientName}`, {
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: clientSecurityGroupId,
      description: `HTTP ${this.listenerPort} from ${clientName}`,
      ipProtocol: "tcp",
      fromPort: this.listenerPort,
      toPort: this.listenerPort,
    });
  }

  /** Lets the load balancer reach (forward and health-check) members of `targetSecurityGroupId`. */
  public allowTargets(targetSecurityGroupId: string, targetName: string): void {
    new VpcSecurityGroupEgressRule(this, `to-${targetName}`, {
      securityGroupId: this.securityGroupId,
      referencedSecurityGroupId: targetSecurityGroupId,
      description: `Targets: TCP ${this.targetPort} to ${targetName}`,
      ipProtocol: "tcp",
      fromPort: this.targetPort,
      toPort: this.targetPort,
    });
  }
}

/** `name` if it fits in `max` characters, else a prefix and a short hash (stable, unique). */
export function awsName(name: string, max: number): string {
  if (name.length <= max) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  return `${name.slice(0, max - 9).replace(/-+$/, "")}-${hash}`;
}
